using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace AfterSales.Tests.Platform;

public static class HttpExtensions
{
    static readonly HtmlParser Parser = new();

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static async Task<IDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"GET {url}: {(int)response.StatusCode}", null, response.StatusCode);
        return await response.ParseAsync();
    }

    public static async Task<IDocument> ParseAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Posts a form the way a browser does: fetches the page first for its antiforgery token,
    /// then posts the fields (to <paramref name="url"/>, or to <paramref name="formPage"/> if given).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client,
        string url,
        Dictionary<string, string> fields,
        string? formPage = null
    )
    {
        var page = await client.GetAsync(formPage ?? url);
        var html = await Parser.ParseDocumentAsync(await page.Content.ReadAsStringAsync());
        var token = html.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        var all = new Dictionary<string, string>(fields);
        if (token is not null)
            all["__RequestVerificationToken"] = token;
        return await client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    /// <summary>Posts multipart form data (file uploads) with the antiforgery token of <paramref name="formPage"/>.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(
        this HttpClient client,
        string url,
        MultipartFormDataContent content,
        string formPage
    )
    {
        var page = await client.GetAsync(formPage);
        var html = await Parser.ParseDocumentAsync(await page.Content.ReadAsStringAsync());
        var token = html.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        if (token is not null)
            content.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(url, content);
    }

    public static async Task<T> ReadJsonAsync<T>(this HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<T>(Json))!;

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PutAsJsonAsync(url, body, Json);

    public static string Text(this IDocument doc, string selector) => doc.QuerySelector(selector)?.TextContent.Trim() ?? "";
}

public static class PageBodies
{
    /// <summary>
    /// The body of a page with its per-request antiforgery tokens blanked: two answers that differ
    /// only in those tokens are the same page (a customer must not tell "not yours" from "not there").
    /// </summary>
    public static async Task<string> ComparableBodyAsync(this HttpResponseMessage response) =>
        System.Text.RegularExpressions.Regex.Replace(await response.Content.ReadAsStringAsync(), "CfDJ8[A-Za-z0-9_-]+", "TOKEN");
}
