using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Customers;

/// <summary>Creating, changing and deleting customers; shared by the pages and the API.</summary>
public sealed class CustomerEditor(AppDbContext db, TimeProvider clock)
{
    /// <summary>
    /// A code whose check character fails is saved only when confirmed, unless it is the code
    /// already on file (it was confirmed when it was entered).
    /// </summary>
    public static bool NeedsChecksumConfirmation(CustomerInput input, Customer? existing) =>
        !input.ConfirmChecksumWarning
        && CreditCode.Check(input.CreditCode) == CreditCodeCheck.ChecksumFails
        && CreditCode.Normalize(input.CreditCode) != existing?.CreditCode;

    public async Task<Customer> FindAsync(long id, CancellationToken ct) =>
        await db.Customers.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException();

    public async Task<Customer> CreateAsync(CustomerInput input, CancellationToken ct)
    {
        var customer = Customer.Create(
            input.Name,
            input.CreditCode,
            input.Category ?? CustomerCategory.Other,
            input.TimeZone,
            input.Notes,
            clock.GetUtcNow().UtcDateTime
        );
        await RefuseDuplicateAsync(customer, ct);
        db.Customers.Add(customer);
        await SaveAsync(customer, ct);
        return customer;
    }

    public async Task UpdateAsync(Customer customer, CustomerInput input, CancellationToken ct)
    {
        customer.Update(input.Name, input.CreditCode, input.Category ?? customer.Category, input.TimeZone, input.Notes);
        await RefuseDuplicateAsync(customer, ct);
        await SaveAsync(customer, ct);
    }

    /// <summary>
    /// Only a customer with nothing attached goes: contracts, documents and logins would be
    /// orphaned, and the audit trail must keep pointing at something real.
    /// </summary>
    public async Task DeleteAsync(long id, CancellationToken ct)
    {
        var customer =
            await db.Customers.Include(c => c.Contacts).Include(c => c.Sites).FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException();
        var contracts = await db.Contracts.CountAsync(c => c.CustomerId == id, ct);
        if (contracts > 0)
            throw new DomainException("用户单位“{0}”还有{1}份合同，不能删除", customer.Name, contracts);
        var documents = await db.Documents.CountAsync(d => d.CustomerId == id, ct);
        if (documents > 0)
            throw new DomainException("用户单位“{0}”还有{1}份文档，不能删除", customer.Name, documents);
        var logins = await db.Users.CountAsync(u => u.CustomerId == id, ct);
        if (logins > 0)
            throw new DomainException("用户单位“{0}”还有{1}个登录账户，不能删除", customer.Name, logins);
        db.Sites.RemoveRange(customer.Sites);
        db.Contacts.RemoveRange(customer.Contacts);
        db.Customers.Remove(customer);
        await db.SaveChangesAsync(ct);
    }

    async Task RefuseDuplicateAsync(Customer customer, CancellationToken ct)
    {
        var owner = await db
            .Customers.Where(c => c.CreditCode == customer.CreditCode && c.Id != customer.Id)
            .Select(c => c.Name)
            .FirstOrDefaultAsync(ct);
        if (owner is not null)
            throw DuplicateCode(customer.CreditCode, owner);
    }

    /// <summary>Two people saving the same code at once: the unique index decides, the loser gets the same message.</summary>
    async Task SaveAsync(Customer customer, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var owner = await db
                .Customers.Where(c => c.CreditCode == customer.CreditCode && c.Id != customer.Id)
                .Select(c => c.Name)
                .FirstOrDefaultAsync(ct);
            if (owner is null)
                throw;
            throw DuplicateCode(customer.CreditCode, owner);
        }
    }

    static DomainException DuplicateCode(string code, string owner) =>
        DomainException.For(nameof(Customer.CreditCode), "统一社会信用代码“{0}”已被用户单位“{1}”使用", code, owner);
}
