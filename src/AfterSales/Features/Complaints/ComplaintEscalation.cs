using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Board;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Complaints;

/// <summary>The complaint desk: agents and managers handle complaints and read the desk's complaint alerts.</summary>
public static class ComplaintDesk
{
    public static bool ReadsDeskAlerts(CurrentUser me) => me.IsInRole(Roles.Agent) || me.IsInRole(Roles.Manager);
}

/// <summary>The manager a complaint is escalated to: the user, and the name the case shows.</summary>
public sealed record EscalationTarget(string UserId, string Name);

/// <summary>
/// 升级: the handler names a manager (by user name: a select on the page, a field in the API); a
/// name that is not a manager's is refused. The manager gets an alert in their inbox, saved with
/// the escalation, so the case cannot wait unseen.
/// </summary>
public sealed class ComplaintEscalation(AppDbContext db, UserManager<AppUser> users)
{
    /// <summary>The managers to choose from, by name; a handful, so read whole.</summary>
    public async Task<List<(string UserName, string Name)>> ManagersAsync() =>
        [
            .. (await users.GetUsersInRoleAsync(Roles.Manager))
                .Select(u => (u.UserName ?? u.Id, NameOf(u)))
                .OrderBy(m => m.Item2, StringComparer.Ordinal),
        ];

    public async Task EscalateAsync(
        Complaint c,
        string? managerUserName,
        string? reason,
        DateTime occurredAtUtc,
        DateTime nowUtc,
        Actor by,
        CancellationToken ct
    )
    {
        var manager = await ManagerAsync(managerUserName);
        c.Escalate(manager, reason, occurredAtUtc, nowUtc, by);
        db.Alerts.Add(Alert.ForComplaint(c.Id, null, AlertType.Escalated, manager!.UserId, nowUtc));
        await db.SaveComplaintAsync(ct);
    }

    async Task<EscalationTarget?> ManagerAsync(string? userName)
    {
        if (string.IsNullOrWhiteSpace(userName))
            return null;
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null || !await users.IsInRoleAsync(user, Roles.Manager))
            throw DomainException.For("EscalatedTo", "“{0}”不是主管，请选择一位主管", userName.Trim());
        return new EscalationTarget(user.Id, NameOf(user));
    }

    static string NameOf(AppUser u) => string.IsNullOrEmpty(u.DisplayName) ? u.UserName ?? u.Id : u.DisplayName;
}

/// <summary>Saving a complaint that someone else changed since it was loaded is a refusal (409 on the API, a form error on the page).</summary>
public static class ComplaintSaves
{
    public static async Task SaveComplaintAsync(this AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("投诉已被他人更新，请刷新后重试");
        }
    }
}
