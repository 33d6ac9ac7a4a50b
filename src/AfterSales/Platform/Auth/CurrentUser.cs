using System.Globalization;
using System.Security.Claims;

namespace AfterSales.Platform.Auth;

/// <summary>The person or machine behind the current request; "system" for background work.</summary>
public sealed class CurrentUser(IHttpContextAccessor http)
{
    ClaimsPrincipal? _actingFor;

    /// <summary>The signed-in person or API key, or null for background work.</summary>
    public ClaimsPrincipal? Principal => _actingFor ?? (http.HttpContext?.User is { Identity.IsAuthenticated: true } p ? p : null);

    /// <summary>
    /// Background work done on behalf of a request's user (a group commit writes many users'
    /// changes in one transaction) is audited as that user.
    /// </summary>
    internal void ActFor(ClaimsPrincipal? principal) => _actingFor = principal;

    public string? UserId => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string DisplayName => Principal is null ? "system" : Principal.FindFirstValue("display_name") ?? Principal.Identity?.Name ?? "?";

    /// <summary>
    /// A customer user's organisation. A customer user without one sees nothing (-1 matches no
    /// row) rather than everything.
    /// </summary>
    public long? CustomerId =>
        Principal?.FindFirstValue(Policies.CustomerClaim) is { } v ? long.Parse(v, CultureInfo.InvariantCulture)
        : IsInRole(Roles.Customer) ? -1
        : null;

    public bool IsCustomer => CustomerId is not null;

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;

    public bool CanEditMasterData =>
        IsInRole(Roles.Agent)
        || IsInRole(Roles.Dispatcher)
        || IsInRole(Roles.Manager)
        || IsInRole(Roles.Admin)
        || Principal?.HasClaim(Policies.ScopeClaim, Policies.EditMasterData) == true;

    public bool IsStaff => Roles.Staff.Any(IsInRole);

    /// <summary>A technician and nothing more sees only the work orders assigned to them.</summary>
    public bool IsTechnicianOnly =>
        IsInRole(Roles.Technician)
        && !new[] { Roles.Agent, Roles.Dispatcher, Roles.Expert, Roles.Manager, Roles.Auditor, Roles.Admin }.Any(IsInRole);
}
