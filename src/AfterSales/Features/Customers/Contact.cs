using AfterSales.Platform.Audit;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.Customers;

/// <summary>联系人: a person at the customer we call or write to.</summary>
public sealed class Contact : IAuditedChild, ICustomerOwned
{
    public long Id { get; private set; }
    public long CustomerId { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>Mobile or landline, as typed but without spaces.</summary>
    public string? Phone { get; private set; }
    public string? Email { get; private set; }

    /// <summary>职务, e.g. 后勤处处长.</summary>
    public string? Title { get; private set; }
    public bool IsPrimary { get; private set; }

    string IAuditedChild.AuditParentType => nameof(Customer);
    long IAuditedChild.AuditParentId => CustomerId;

    Contact() { }

    internal Contact(Customer customer, string name, string? phone, string? email, string? title, bool isPrimary)
    {
        CustomerId = customer.Id;
        Update(name, phone, email, title, isPrimary);
    }

    public void Update(string name, string? phone, string? email, string? title, bool isPrimary)
    {
        var normalized = PhoneNumber.Normalize(phone);
        if (normalized is not null && !PhoneNumber.IsValid(normalized))
            throw DomainException.For(nameof(Phone), "“{0}”不是有效的手机或固定电话号码", phone);
        if (normalized is null && string.IsNullOrWhiteSpace(email))
            throw DomainException.For(nameof(Phone), "请至少填写电话或电子邮箱之一");
        (Name, Phone, Email, Title, IsPrimary) = (name.Trim(), normalized, Blank(email), Blank(title), isPrimary);
    }

    /// <summary>Another contact became the primary one.</summary>
    internal void Demote() => IsPrimary = false;

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
