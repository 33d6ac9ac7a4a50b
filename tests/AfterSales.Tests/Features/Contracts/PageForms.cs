using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.Contracts;

/// <summary>Reads a form as a browser would submit it: every field with the value the page filled in.</summary>
internal static class PageForms
{
    public static async Task<Dictionary<string, string>> ReadFormAsync(this HttpClient client, string url, string formSelector)
    {
        var page = await client.GetPageAsync(url);
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"{url} has no {formSelector}");
        var fields = new Dictionary<string, string>();
        foreach (var e in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = e.GetAttribute("name")!;
            var type = e.GetAttribute("type");
            if (name == "__RequestVerificationToken" || (type == "checkbox" && !e.HasAttribute("checked")))
                continue;
            var value = e.LocalName switch
            {
                "select" => e.QuerySelector("option[selected]")?.GetAttribute("value") ?? e.QuerySelector("option")?.GetAttribute("value"),
                "textarea" => e.TextContent,
                _ => e.GetAttribute("value"),
            };
            // A checked box's "true" wins over the hidden "false" that follows it.
            fields.TryAdd(name, value ?? "");
        }
        return fields;
    }

    public static Dictionary<string, string> With(this Dictionary<string, string> fields, params (string Name, string Value)[] changes)
    {
        var copy = new Dictionary<string, string>(fields);
        foreach (var (name, value) in changes)
            copy[name] = value;
        return copy;
    }
}
