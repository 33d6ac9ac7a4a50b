namespace AfterSales.Features.Customers;

/// <summary>The customer list's search and filter, the same on the page and in the API.</summary>
public static class CustomerSearch
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>
    /// A substring of the name, the credit code, or a contact's name or phone. Chinese has no
    /// case, so a plain substring test serves it; the code is stored upper case.
    /// </summary>
    public static IQueryable<Customer> Matching(this IQueryable<Customer> customers, string? q, CustomerCategory? category)
    {
        if (category is { } cat)
            customers = customers.Where(c => c.Category == cat);
        if (string.IsNullOrWhiteSpace(q))
            return customers;
        var text = q.Trim();
        var code = text.ToUpperInvariant();
        var phone = PhoneNumber.Normalize(text) ?? text;
        return customers.Where(c =>
            c.Name.Contains(text)
            || c.CreditCode.Contains(code)
            || c.Contacts.Any(k => k.Name.Contains(text) || (k.Phone != null && k.Phone.Contains(phone)))
        );
    }

    public static IQueryable<Customer> InListOrder(this IQueryable<Customer> customers) => customers.OrderBy(c => c.Name).ThenBy(c => c.Id);

    /// <summary>Page numbers start at 1; out-of-range requests are pulled back in rather than refused.</summary>
    public static (int Page, int PageSize) Clamp(int? page, int? pageSize) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));
}
