using AngleSharp.Dom;

namespace AfterSales.Tests.Features.Customers;

internal static class ElementExtensions
{
    /// <summary>The trimmed text of the first match inside an element, with runs of white space made one space.</summary>
    public static string Text(this IElement element, string selector) =>
        string.Join(' ', (element.QuerySelector(selector)?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
