using System.Text.Json;
using AfterSales.Tests.Platform;
using AngleSharp.Dom;

namespace AfterSales.Tests.Features.Customers;

internal static class ResponseReading
{
    /// <summary>The messages a ProblemDetails response gives for one field, joined with " | ".</summary>
    public static async Task<string> FieldErrorsAsync(this HttpResponseMessage response, string field)
    {
        var problem = await response.ReadJsonAsync<JsonElement>();
        return string.Join(" | ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
    }

    /// <summary>The trimmed text of the first match inside an element, with runs of white space made one space.</summary>
    public static string Text(this IElement element, string selector) =>
        string.Join(' ', (element.QuerySelector(selector)?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
