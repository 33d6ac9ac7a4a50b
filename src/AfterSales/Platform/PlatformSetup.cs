using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;
using Scalar.AspNetCore;

namespace AfterSales.Platform;

internal static class PlatformSetup
{
    const string SmartScheme = "Smart";

    public static void AddPlatform(this WebApplicationBuilder builder)
    {
        // Outside Development, `dotnet run` would serve the compressed static files as empty bodies
        // (unstyled pages in every browser); a published app has no manifest, so this is a no-op there.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        // Run from the build output (dotnet run) the assets live in the project and its packages;
        // without this, compressed variants are announced but served empty outside Development.
        // Published output has no such manifest, and this is a no-op there.
        builder.WebHost.UseStaticWebAssets();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();

        services
            .AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>();
        // A lock, a password reset or a change of roles by an admin reaches open sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/Denied";
            o.Cookie.Name = "aftersales.auth";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            // Machines and scripts get status codes, not a login page.
            o.Events.OnRedirectToLogin = c => ApiStatusOr(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiStatusOr(c, StatusCodes.Status403Forbidden);
        });
        services
            .AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultForbidScheme = SmartScheme;
            })
            .AddPolicyScheme(
                SmartScheme,
                "Cookie or API key",
                o =>
                    o.ForwardDefaultSelector = c =>
                        c.Request.Headers.ContainsKey(ApiKeyHandler.Header) ? ApiKeyHandler.SchemeName : IdentityConstants.ApplicationScheme
            )
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);
        services.AddSingleton<ApiKeyCache>();
        services.AddAuthorization(Policies.Add);

        services.AddSingleton<IStringLocalizerFactory, DictionaryLocalizerFactory>();
        services.AddSingleton<IStringLocalizer>(new DictionaryLocalizer());
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Texts.Chinese);
            o.SupportedCultures = o.SupportedUICultures = Texts.Supported;
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                // Pages default to Chinese whatever the browser says; API clients choose by header.
                new ApiAcceptLanguageProvider(),
            ];
        });
        // Razor would otherwise write every Chinese character as an HTML entity.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services
            .AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                // Each page declares its own access; a folder-wide AllowAnonymous would also open
                // /Account/Manage, since it wins over Authorize.
                o.Conventions.AuthorizeFolder("/Account/Manage");
            })
            .AddMvcOptions(o =>
            {
                o.Filters.Add<DomainExceptionPageFilter>();
                o.ModelMetadataDetailsProviders.Add(new DefaultMessagesProvider());
                BindingMessages.Apply(o.ModelBindingMessageProvider);
            })
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(Texts)))
            .AddViewLocalization();
        services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsHandler>();
        services.AddOpenApi(o =>
            o.AddDocumentTransformer(
                (doc, _, _) =>
                {
                    doc.Info.Title = "AfterSales API";
                    doc.Info.Description =
                        "售后服务管理系统 JSON API. Authenticate with a browser session or an API key in the X-Api-Key header.";
                    return Task.CompletedTask;
                }
            )
        );
        // Enums travel by member name only: a number ("channel": 99) or a combination ("A, B") is
        // refused rather than stored as a value no switch knows. Bad JSON and unbindable query
        // values reach ProblemDetailsHandler.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new EnumNamesConverter()));
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        var dataFolder = DataSetup.DataFolder(builder.Configuration);
        services
            .AddDataProtection()
            .SetApplicationName("AfterSales")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataFolder, "keys")));
    }

    public static void UsePlatform(this WebApplication app)
    {
        // First, so that error pages and ProblemDetails written by the handlers below are in the
        // caller's language too (the culture set further in does not flow back out to them).
        app.UseRequestLocalization();
        app.UseExceptionHandler("/Error");
        // The API answers errors with ProblemDetails; people get a page in their language.
        app.UseWhen(IsApi, a => a.UseStatusCodePages());
        app.UseWhen(c => !IsApi(c), a => a.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        // Routing after the status-code pages, so that the re-executed request for /Error finds
        // its page (with the implicit routing at the very start, a 404 page came out blank).
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization();
        app.MapScalarApiReference(
                "/docs/api",
                o => o.WithTitle("AfterSales API").DisableDefaultFonts().WithOpenApiRoutePattern("/openapi/{documentName}.json")
            )
            .RequireAuthorization();
        app.MapRazorPages().WithStaticAssets();
    }

    static bool IsApi(HttpContext c) => c.Request.Path.StartsWithSegments("/api") || c.Request.Path.StartsWithSegments("/openapi");

    static Task ApiStatusOr<T>(Microsoft.AspNetCore.Authentication.RedirectContext<T> c, int status)
        where T : AuthenticationSchemeOptions
    {
        if (c.Request.Path.StartsWithSegments("/api") || c.Request.Path.StartsWithSegments("/openapi"))
            c.Response.StatusCode = status;
        else
            c.Response.Redirect(c.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>For /api requests only: the language of Accept-Language (errors, validation messages).</summary>
internal sealed class ApiAcceptLanguageProvider : RequestCultureProvider
{
    readonly AcceptLanguageHeaderRequestCultureProvider _inner = new();

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        httpContext.Request.Path.StartsWithSegments("/api")
            ? _inner.DetermineProviderCultureResult(httpContext)
            : NullProviderCultureResult;
}
