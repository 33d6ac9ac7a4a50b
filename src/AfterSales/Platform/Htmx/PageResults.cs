using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Platform.Htmx;

public static class PageResults
{
    public static bool IsHtmx(this HttpRequest request) => request.Headers.ContainsKey("HX-Request");

    /// <summary>The form again, with its errors, as 422 (htmx swaps it; a browser shows it).</summary>
    public static IActionResult Invalid(this PageModel page)
    {
        var result = page.Page();
        result.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return result;
    }

    /// <summary>After a successful post: go to the record (Post/Redirect/Get), htmx or not.</summary>
    public static IActionResult SeeOther(this PageModel page, string url)
    {
        if (page.Request.IsHtmx())
        {
            page.Response.Headers["HX-Location"] = url;
            return new NoContentResult();
        }
        return new RedirectResult(url, permanent: false) { PreserveMethod = false };
    }

    /// <summary>The rows fragment for an htmx request, the whole page otherwise.</summary>
    public static IActionResult PageOrPartial(this PageModel page, string partial)
    {
        page.Response.Headers.Vary = "HX-Request";
        return page.Request.IsHtmx() && !page.Request.Headers.ContainsKey("HX-Boosted") ? page.Partial(partial, page) : page.Page();
    }
}
