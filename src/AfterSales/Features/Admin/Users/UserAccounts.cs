using System.Globalization;
using AfterSales.Platform.Audit;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Admin.Users;

/// <summary>
/// Creates and changes user accounts for the admin pages. Each change is one transaction with
/// its audit entry, written here by hand because accounts live in Identity's tables and are not
/// audited by the change tracker. A change of roles, organisation, lock or password renews the
/// security stamp, so the person's open sessions are checked again.
/// </summary>
public sealed class UserAccounts(AppDbContext db, UserManager<AppUser> users, CurrentUser me, TimeProvider clock)
{
    DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<AppUser> CreateAsync(NewUserInput input, CancellationToken ct)
    {
        var roles = UserRoleRules.Check(input.Roles, input.CustomerId);
        await CheckCustomerAsync(input.CustomerId, ct);
        var user = new AppUser
        {
            UserName = input.UserName.Trim(),
            DisplayName = input.DisplayName.Trim(),
            Email = Blank(input.Email),
            CustomerId = input.CustomerId,
            CreatedAtUtc = Now,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Succeed(await users.CreateAsync(user, input.Password));
        Succeed(await users.AddToRolesAsync(user, roles));
        Audit(
            user,
            AuditAction.Created,
            [
                ("UserName", null, user.UserName),
                ("DisplayName", null, user.DisplayName),
                ("Email", null, user.Email),
                ("CustomerId", null, Text(user.CustomerId)),
                ("Roles", null, string.Join(",", roles)),
            ]
        );
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user;
    }

    public async Task UpdateAsync(string id, UserInput input, CancellationToken ct)
    {
        var user = await FindAsync(id);
        var roles = UserRoleRules.Check(input.Roles, input.CustomerId);
        UserRoleRules.CheckOwnAdmin(user.Id == me.UserId, roles);
        await CheckCustomerAsync(input.CustomerId, ct);
        var oldRoles = Ordered(await users.GetRolesAsync(user));
        var changes = new List<(string, string?, string?)>();
        Compare(changes, "DisplayName", user.DisplayName, input.DisplayName.Trim());
        Compare(changes, "Email", user.Email, Blank(input.Email));
        Compare(changes, "CustomerId", Text(user.CustomerId), Text(input.CustomerId));
        Compare(changes, "Roles", string.Join(",", oldRoles), string.Join(",", roles));
        if (changes.Count == 0)
            return;

        var accessChanged = user.CustomerId != input.CustomerId || !oldRoles.SequenceEqual(roles);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        (user.DisplayName, user.Email, user.CustomerId) = (input.DisplayName.Trim(), Blank(input.Email), input.CustomerId);
        Succeed(await users.UpdateAsync(user));
        Succeed(await users.RemoveFromRolesAsync(user, oldRoles.Except(roles)));
        Succeed(await users.AddToRolesAsync(user, roles.Except(oldRoles)));
        if (accessChanged)
            Succeed(await users.UpdateSecurityStampAsync(user));
        Audit(user, AuditAction.Updated, changes);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task ResetPasswordAsync(string id, string password, CancellationToken ct)
    {
        var user = await FindAsync(id);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Succeed(await users.ResetPasswordAsync(user, token, password));
        // The password itself never enters the trail.
        Audit(user, AuditAction.Updated, [("Password", "******", "******")]);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Locks until an admin unlocks: the person can no longer sign in, open sessions end.</summary>
    public async Task LockAsync(string id, CancellationToken ct)
    {
        var user = await FindAsync(id);
        if (user.Id == me.UserId)
            throw new DomainException("不能锁定自己的账户");
        if (IsLocked(user, Now))
            return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Succeed(await users.SetLockoutEnabledAsync(user, true));
        Succeed(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        Succeed(await users.UpdateSecurityStampAsync(user));
        Audit(user, AuditAction.Updated, [("Locked", "False", "True")]);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Unlocks and forgets earlier failed sign-ins, so the person gets all attempts again.</summary>
    public async Task UnlockAsync(string id, CancellationToken ct)
    {
        var user = await FindAsync(id);
        var failed = user.AccessFailedCount;
        var locked = IsLocked(user, Now);
        if (!locked && failed == 0)
            return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Succeed(await users.SetLockoutEndDateAsync(user, null));
        Succeed(await users.ResetAccessFailedCountAsync(user));
        var changes = new List<(string, string?, string?)>();
        Compare(changes, "Locked", locked.ToString(), bool.FalseString);
        Compare(changes, "AccessFailedCount", Text(failed), "0");
        Audit(user, AuditAction.Updated, changes);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public static bool IsLocked(AppUser user, DateTime nowUtc) => user.LockoutEnd is { } end && end.UtcDateTime > nowUtc;

    async Task<AppUser> FindAsync(string id) => await users.FindByIdAsync(id) ?? throw new NotFoundException();

    async Task CheckCustomerAsync(long? customerId, CancellationToken ct)
    {
        if (customerId is { } c && !await db.Customers.AnyAsync(x => x.Id == c, ct))
            throw DomainException.For("CustomerId", "所选用户单位不存在");
    }

    void Audit(AppUser user, AuditAction action, IEnumerable<(string, string?, string?)> changes) =>
        db.AuditEntries.Add(
            AuditEntry.Of(Now, me, nameof(AppUser), user.Id, action, changes.Where(c => c.Item2 is not null || c.Item3 is not null))
        );

    /// <summary>Identity's refusals are already in the reader's language; the field says where to show them.</summary>
    static void Succeed(IdentityResult result)
    {
        if (result.Succeeded)
            return;
        var first = result.Errors.First();
        var field =
            first.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password"
            : first.Code.Contains("UserName", StringComparison.Ordinal) ? "UserName"
            : first.Code.Contains("Email", StringComparison.Ordinal) ? "Email"
            : "";
        var message = string.Join(" ", result.Errors.Select(e => e.Description));
        throw field.Length == 0 ? new DomainException("{0}", message) : DomainException.For(field, "{0}", message);
    }

    static void Compare(List<(string, string?, string?)> changes, string property, string? old, string? @new)
    {
        if (!string.Equals(old, @new, StringComparison.Ordinal))
            changes.Add((property, old, @new));
    }

    static List<string> Ordered(IEnumerable<string> roles) => [.. roles.OrderBy(r => Array.IndexOf(Roles.All, r))];

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    static string? Text(long? n) => n?.ToString(CultureInfo.InvariantCulture);
}
