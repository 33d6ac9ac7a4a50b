using System.Text.Json;
using System.Text.RegularExpressions;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Platform.Errors;

/// <summary>
/// What the framework could not read from an API request, as a localised ProblemDetails naming the
/// field: a JSON body that does not parse or holds a value of the wrong type (an enum given as a
/// number or an unknown name), or a route or query value that does not convert ("from=yesterday").
/// </summary>
internal static partial class BadRequests
{
    public static ValidationProblemDetails Describe(BadHttpRequestException bad)
    {
        var (field, message) = bad.InnerException switch
        {
            JsonException { Path: { Length: > 1 } path } => (Field(path), Texts.T("{0}的值无效", Field(path))),
            JsonException => ("", Texts.T("请求内容不是有效的 JSON")),
            _ when Parameter().Match(bad.Message) is { Success: true } m => (
                m.Groups["name"].Value,
                Texts.T("“{0}”不是有效的{1}", m.Groups["value"].Value, m.Groups["name"].Value)
            ),
            _ when bad.StatusCode == StatusCodes.Status415UnsupportedMediaType => ("", Texts.T("请求内容须为 JSON")),
            _ when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) => ("", Texts.T("请求内容不能为空")),
            _ => ("", Texts.T("请求无效")),
        };
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = bad.StatusCode,
            Title = Texts.T("提交的内容有误"),
        };
    }

    // "$.items[0].unitPriceFen" → "items[0].unitPriceFen": the names the client sent.
    static string Field(string jsonPath) => jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');

    // The framework's wording for a route or query value that does not convert (RequestDelegateFactory).
    [GeneratedRegex("""^Failed to bind parameter "[^"]* (?<name>[^" ]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex Parameter();
}
