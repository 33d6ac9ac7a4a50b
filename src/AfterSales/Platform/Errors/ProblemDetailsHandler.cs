using System.Globalization;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Platform.Errors;

/// <summary>
/// Business-rule refusals on the API become 409/422 ProblemDetails in the caller's language; so do
/// requests the framework cannot read (bad JSON, an enum number, a query value of the wrong type).
/// </summary>
internal sealed class ProblemDetailsHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // The exception handler sits outside the localisation middleware, whose culture is gone
        // by the time the exception arrives here; the request's culture is still on the context.
        if (http.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } requested)
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (requested.Culture, requested.UICulture);
        ProblemDetails? details = exception switch
        {
            DomainException { Field: { } field } d => new ValidationProblemDetails(
                new Dictionary<string, string[]> { [Camel(field)] = [d.Localized] }
            )
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = Texts.T("提交的内容有误"),
            },
            DomainException d => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = Texts.T("操作被拒绝"),
                Detail = d.Localized,
            },
            NotFoundException => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = Texts.T("未找到") },
            BadHttpRequestException bad when IsApi(http) => BadRequests.Describe(bad),
            _ => null,
        };
        if (details is null)
            return false;
        http.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(
            new()
            {
                HttpContext = http,
                ProblemDetails = details,
                Exception = exception,
            }
        );
    }

    // By now the request path is the error page's; the path asked for is kept on the feature.
    static bool IsApi(HttpContext http) =>
        (http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value ?? "").StartsWith(
            "/api/",
            StringComparison.Ordinal
        );

    // Each segment of a nested field ("Terms.WarrantyMonths") as the JSON names it: "terms.warrantyMonths".
    static string Camel(string s) => string.Join('.', s.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}
