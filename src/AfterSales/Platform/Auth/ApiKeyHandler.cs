using System.Security.Claims;
using System.Text.Encodings.Web;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Platform.Auth;

/// <summary>
/// Authenticates machine clients by the <c>X-Api-Key</c> header. Keys come from
/// <see cref="ApiKeyCache"/> (a revoked key stops working at once on the node that revoked it,
/// within seconds on the others); the secret is checked against the stored hash on every request.
/// </summary>
internal sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyCache keys,
    TimeProvider clock
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
        var entry = await keys.FindAsync(prefix, Context.RequestAborted);
        var key = entry?.Key;
        if (entry is null || key is null || !key.IsActive || !key.Matches(secret))
            return AuthenticateResult.Fail("unknown or revoked key");
        await RecordUseAsync(entry);

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

    /// <summary>
    /// Keeps "last used" to the minute: at most one write per key and minute, however busy the
    /// client, and not an audited change (nobody changed the key).
    /// </summary>
    async Task RecordUseAsync(ApiKeyCache.Entry entry)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = now.AddMinutes(-1);
        if (entry.LastUsedAtUtc is { } last && last > stale)
            return;
        entry.LastUsedAtUtc = now;
        var id = entry.Key.Id;
        await Context
            .RequestServices.GetRequiredService<AppDbContext>()
            .Set<ApiKey>()
            .Where(k => k.Id == id && (k.LastUsedAtUtc == null || k.LastUsedAtUtc <= stale))
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAtUtc, (DateTime?)now), Context.RequestAborted);
    }
}
