using System.Security.Claims;
using System.Text.Encodings.Web;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Platform.Auth;

/// <summary>Authenticates machine clients by the <c>X-Api-Key</c> header.</summary>
internal sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDbContext db
) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values))
            return AuthenticateResult.NoResult();
        var secret = values.ToString();
        var prefix = ApiKey.PrefixOf(secret);
        if (prefix is null)
            return AuthenticateResult.Fail("malformed key");
        var key = await db.Set<ApiKey>().AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, Context.RequestAborted);
        if (key is null || !key.IsActive || !key.Matches(secret))
            return AuthenticateResult.Fail("unknown or revoked key");

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, $"apikey:{key.Id}"),
            new(ClaimTypes.Name, $"apikey:{key.Name}"),
            new("display_name", $"API: {key.Name}"),
        };
        claims.AddRange(key.ScopeList.Select(s => new Claim(Policies.ScopeClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
