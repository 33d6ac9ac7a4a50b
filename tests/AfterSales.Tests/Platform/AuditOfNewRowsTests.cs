using AfterSales.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Platform;

public sealed class AuditOfNewRowsTests
{
    [Fact]
    public async Task A_contact_created_with_its_customer_is_audited_with_the_real_customer_id()
    {
        await using var app = new AppFactory();

        var customerId = await app.DbAsync(async db =>
        {
            var c = Customer.Create(
                "杭州市第二中学",
                "91330100MA2H4X0Q1" + CreditCode.CheckCharacter("91330100MA2H4X0Q1"),
                CustomerCategory.School,
                null,
                null,
                AppFactory.T0.UtcDateTime
            );
            c.AddContact("王老师", "13800001111", null, null, true);
            db.Customers.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });

        var entry = await app.DbAsync(db => db.AuditEntries.SingleAsync(e => e.EntityType == nameof(Contact)));
        entry.ParentId.ShouldBe(customerId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        entry.Changes.ShouldContain($"\"n\":\"{customerId}\"");
        entry.Changes.ShouldContain("王老师");
    }
}
