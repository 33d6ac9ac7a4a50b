using AfterSales.Platform.Auth;
using Microsoft.AspNetCore.Identity;

namespace AfterSales.Features.WorkOrders.Board;

/// <summary>Who works at the dispatch desk, and whom it can send.</summary>
public static class DispatchDesk
{
    /// <summary>
    /// Staff who see the whole board. Customers see only their own requests and a technician only
    /// the work orders assigned to them, so neither gets the board (their own lists are elsewhere).
    /// </summary>
    public const string BoardRoles = $"{Roles.Agent},{Roles.Dispatcher},{Roles.Expert},{Roles.Manager},{Roles.Auditor},{Roles.Admin}";

    /// <summary>Desk alerts (no single recipient) are for these roles.</summary>
    public static bool ReadsDeskAlerts(CurrentUser me) => me.IsInRole(Roles.Dispatcher) || me.IsInRole(Roles.Manager);

    public sealed record Technician(string Id, string Name);

    /// <summary>Users in the technician role, by name; a few dozen at most, so read whole.</summary>
    public static async Task<List<Technician>> TechniciansAsync(UserManager<AppUser> users) =>
        [
            .. (await users.GetUsersInRoleAsync(Roles.Technician))
                .Select(u => new Technician(u.Id, string.IsNullOrEmpty(u.DisplayName) ? u.UserName ?? u.Id : u.DisplayName))
                .OrderBy(t => t.Name, StringComparer.Ordinal),
        ];
}
