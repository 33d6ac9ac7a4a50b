using System.Security.Claims;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Tests.Features.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Platform;

/// <summary>
/// Contexts come from a pool and go back to it after each scope: whoever takes one next sees
/// only what their own user may see, and nothing a previous scope prepared on it.
/// </summary>
public sealed class PooledContextTests
{
    [Fact]
    public async Task A_context_lent_in_turn_to_staff_and_to_two_customers_shows_each_only_what_they_may_see()
    {
        await using var app = new AppFactory();
        var first = await app.CustomerAsync("杭州市第一中学");
        var second = await app.CustomerAsync("杭州市第二中学");
        var lent = new HashSet<AppDbContext>(ReferenceEqualityComparer.Instance);

        for (var turn = 0; turn < 12; turn++)
        {
            var customer = (turn % 3) switch
            {
                0 => (long?)null,
                1 => first.CustomerId,
                _ => second.CustomerId,
            };
            await using var scope = app.Services.CreateAsyncScope();
            if (customer is { } id)
                scope.ServiceProvider.GetRequiredService<CurrentUser>().ActFor(CustomerUser(id));
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            lent.Add(db);

            var seen = await db.Customers.Select(c => c.Id).ToListAsync();

            if (customer is { } own)
                seen.ShouldBe([own]);
            else
                seen.ShouldBe([first.CustomerId, second.CustomerId], ignoreOrder: true);
        }
        // Twelve scopes one after another were served by a few pooled contexts, not twelve new ones.
        lent.Count.ShouldBeLessThan(12);
    }

    [Fact]
    public async Task What_a_scope_prepared_or_switched_off_on_its_context_is_gone_when_the_next_scope_takes_it()
    {
        await using var app = new AppFactory();
        var seen = new List<(AppDbContext Context, Prepared State)>();

        for (var turn = 0; turn < 6; turn++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.HasLeased<Prepared>(out _).ShouldBeFalse();
            db.AuditDisabled.ShouldBeFalse("a bulk job's switch must not outlive its scope");
            seen.Add((db, db.Leased(_ => new Prepared())));
            db.Leased(_ => new Prepared()).ShouldBeSameAs(seen[^1].State);
            db.AuditDisabled = true;
        }

        // A context served twice prepared its state anew each time.
        var reused = seen.GroupBy(s => s.Context, ReferenceEqualityComparer.Instance).First(g => g.Count() > 1);
        reused.Select(s => s.State).Distinct().Count().ShouldBe(reused.Count());
    }

    [Fact]
    public async Task A_context_taken_from_the_pool_without_a_scope_sees_no_customer_even_after_staff_used_it()
    {
        await using var app = new AppFactory();
        await app.CustomerAsync("杭州市第一中学");
        Type contextType;
        await using (var staff = app.Services.CreateAsyncScope())
        {
            var db = staff.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Customers.CountAsync()).ShouldBe(1);
            contextType = db.GetType();
        }

        // The pool's own factory hands out a context bound to no one until a scope leases it.
        var factory = app.Services.GetRequiredService(typeof(IDbContextFactory<>).MakeGenericType(contextType));
        await using var unleased = (AppDbContext)
            factory.GetType().GetMethod(nameof(IDbContextFactory<AppDbContext>.CreateDbContext))!.Invoke(factory, null)!;

        (await unleased.Customers.CountAsync()).ShouldBe(0);
    }

    sealed class Prepared;

    static ClaimsPrincipal CustomerUser(long customerId) =>
        new(
            new ClaimsIdentity(
                [
                    new Claim(ClaimTypes.Role, Roles.Customer),
                    new Claim(Policies.CustomerClaim, customerId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ],
                "test"
            )
        );
}
