using System.Reflection;
using AfterSales.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Tests.Architecture;

/// <summary>Every page says who may use it, on the page model itself, where a reader sees it.</summary>
public sealed class PageAuthorizationTests
{
    public static IEnumerable<Type> PageModels =>
        typeof(Policies).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract);

    [Fact]
    public void Every_page_model_declares_authorize_or_allow_anonymous()
    {
        var undeclared = PageModels
            .Where(t => !t.GetCustomAttributes<AuthorizeAttribute>().Any() && !t.GetCustomAttributes<AllowAnonymousAttribute>().Any())
            .Select(t => t.FullName)
            .ToList();

        PageModels.ShouldNotBeEmpty();
        undeclared.ShouldBeEmpty($"Page models without [Authorize(Policy = …)] or [AllowAnonymous]:\n{string.Join("\n", undeclared)}");
    }

    [Fact]
    public void Only_the_sign_in_pages_the_error_page_and_the_personal_survey_link_are_anonymous()
    {
        var open = PageModels.Where(t => t.GetCustomAttributes<AllowAnonymousAttribute>().Any()).Select(t => t.FullName).Order();

        open.ShouldBe([
            "AfterSales.Features.Account.DeniedModel",
            "AfterSales.Features.Account.LanguageModel",
            "AfterSales.Features.Account.LoginModel",
            "AfterSales.Features.Account.LogoutModel",
            "AfterSales.Features.ErrorModel",
            // The customer's personal satisfaction link: its unguessable token is the credential.
            "AfterSales.Features.Satisfaction.SurveyModel",
        ]);
    }
}
