using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Customers;

/// <summary>A customer's contacts, for the pages and the API.</summary>
public sealed class ContactEditor(AppDbContext db)
{
    public async Task<Contact> FindAsync(long customerId, long contactId, CancellationToken ct) =>
        await db.Contacts.FirstOrDefaultAsync(c => c.Id == contactId && c.CustomerId == customerId, ct) ?? throw new NotFoundException();

    public async Task<Contact> AddAsync(long customerId, ContactInput input, CancellationToken ct)
    {
        var customer = await CustomerAsync(customerId, ct);
        var contact = customer.AddContact(input.Name, input.Phone, input.Email, input.Title, input.IsPrimary);
        if (contact.IsPrimary)
            customer.MakePrimary(contact);
        await db.SaveChangesAsync(ct);
        return contact;
    }

    public async Task<Contact> UpdateAsync(long customerId, long contactId, ContactInput input, CancellationToken ct)
    {
        var customer = await CustomerAsync(customerId, ct);
        var contact = customer.Contacts.FirstOrDefault(c => c.Id == contactId) ?? throw new NotFoundException();
        contact.Update(input.Name, input.Phone, input.Email, input.Title, input.IsPrimary);
        if (contact.IsPrimary)
            customer.MakePrimary(contact);
        await db.SaveChangesAsync(ct);
        return contact;
    }

    public async Task<Contact> DeleteAsync(long customerId, long contactId, CancellationToken ct)
    {
        var contact = await FindAsync(customerId, contactId, ct);
        db.Contacts.Remove(contact);
        await db.SaveChangesAsync(ct);
        return contact;
    }

    async Task<Customer> CustomerAsync(long id, CancellationToken ct) =>
        await db.Customers.Include(c => c.Contacts).FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException();
}
