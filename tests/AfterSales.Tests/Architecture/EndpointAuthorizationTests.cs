using System.Text.RegularExpressions;
using AfterSales.Tests.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Architecture;

/// <summary>Read from the running application's endpoint table, so every feature's endpoints are checked.</summary>
public sealed partial class EndpointAuthorizationTests
{
    static async Task<List<RouteEndpoint>> EndpointsAsync(AppFactory app)
    {
        _ = app.CreateClient();
        return [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];
    }

    static string Route(RouteEndpoint e) => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');

    static bool IsAnonymous(RouteEndpoint e) => e.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    static string Describe(RouteEndpoint e) => $"{Route(e)} ({e.DisplayName})";

    [Fact]
    public async Task Every_api_endpoint_names_the_policy_that_guards_it()
    {
        await using var app = new AppFactory();
        var api = (await EndpointsAsync(app)).Where(e => Route(e).StartsWith("/api/", StringComparison.Ordinal)).ToList();

        var unguarded = api.Where(e =>
                IsAnonymous(e)
                || !e
                    .Metadata.GetOrderedMetadata<IAuthorizeData>()
                    .Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles))
            )
            .Select(Describe)
            .ToList();

        api.ShouldNotBeEmpty();
        unguarded.ShouldBeEmpty(
            $"API endpoints without .RequireAuthorization(Policies.X) (the /api/v1 group only asks for sign-in):\n{string.Join("\n", unguarded)}"
        );
    }

    [Fact]
    public async Task Only_health_sign_in_error_and_static_files_are_open_to_anonymous_callers()
    {
        await using var app = new AppFactory();

        var open = (await EndpointsAsync(app))
            .Where(IsAnonymous)
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null && !AllowedAnonymous().IsMatch(Route(e)))
            .Select(Describe)
            .ToList();

        open.ShouldBeEmpty($"Endpoints open to anonymous callers:\n{string.Join("\n", open)}");
    }

    /// <summary>
    /// Health, the sign-in pages (login, logout, language, access denied), the error page, and the
    /// script and icon files of the API reference page (the page itself requires sign-in), and the
    /// customer's personal satisfaction link (its unguessable token is the credential).
    /// </summary>
    [GeneratedRegex(@"^/(health|Account/(Login|Logout|Language|Denied)|Error|Survey/\{token\}|docs/api/[\w.-]+\.(js|css|svg))$")]
    private static partial Regex AllowedAnonymous();
}
