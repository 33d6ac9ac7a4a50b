using System.Net;
using System.Text.Json;
using AfterSales.Platform.Localization;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.WorkOrders.Refusals;

/// <summary>What every refused API request must show: its status, the Chinese message on the field, English for that message.</summary>
internal static class Refused
{
    public static async Task ShouldBeRefusedAsync(
        this HttpResponseMessage response,
        HttpStatusCode status,
        string? field,
        string message,
        string template
    )
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        var problem = JsonDocument.Parse(body).RootElement;
        var shown = field is null
            ? problem.GetProperty("detail").GetString()
            : string.Join(" | ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
        shown.ShouldBe(message, body);
        Texts.EnglishTexts.ContainsKey(template).ShouldBeTrue($"no English for “{template}”");
    }

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
}
