using AfterSales.Platform.Htmx;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Platform.Errors;

/// <summary>
/// A business-rule refusal on a page becomes a message on the form, the page is shown again
/// with what the user typed, and nothing is saved. A missing record is a 404 page.
/// </summary>
internal sealed class DomainExceptionPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        switch (executed.Exception)
        {
            case DomainException d when executed.HandlerInstance is PageModel page:
                page.ModelState.AddModelError(d.Field is null ? "" : $"Input.{d.Field}", d.Localized);
                if (page is IReloadsOnError reload)
                    await reload.ReloadAsync(context.HttpContext.RequestAborted);
                executed.Result = page.Invalid();
                executed.ExceptionHandled = true;
                break;
            case NotFoundException:
                executed.Result = new Microsoft.AspNetCore.Mvc.NotFoundResult();
                executed.ExceptionHandled = true;
                break;
        }
    }
}

/// <summary>A page that must load its lookups (select lists) again before it is re-shown with errors.</summary>
public interface IReloadsOnError
{
    Task ReloadAsync(CancellationToken ct);
}
