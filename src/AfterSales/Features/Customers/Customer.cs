using AfterSales.Platform.Audit;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Formatting;

namespace AfterSales.Features.Customers;

/// <summary>用户单位: an organisation we serve, with its contacts and sites.</summary>
public sealed class Customer : IAudited, ICustomerOwned
{
    public long Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>统一社会信用代码 (GB 32100-2015), upper case, 18 characters.</summary>
    public string CreditCode { get; private set; } = "";
    public CustomerCategory Category { get; private set; }

    /// <summary>IANA zone in which this customer's deadlines are shown.</summary>
    public string TimeZone { get; private set; } = Display.DefaultTimeZone;
    public string? Notes { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    public List<Contact> Contacts { get; private set; } = [];
    public List<Site> Sites { get; private set; } = [];

    long ICustomerOwned.CustomerId => Id;

    Customer() { }

    public static Customer Create(
        string name,
        string creditCode,
        CustomerCategory category,
        string? timeZone,
        string? notes,
        DateTime nowUtc
    )
    {
        var c = new Customer { CreatedAtUtc = nowUtc };
        c.Update(name, creditCode, category, timeZone, notes);
        return c;
    }

    public void Update(string name, string creditCode, CustomerCategory category, string? timeZone, string? notes)
    {
        var code = Customers.CreditCode.Normalize(creditCode);
        if (Customers.CreditCode.Check(code) == CreditCodeCheck.Malformed)
            throw DomainException.For(nameof(CreditCode), "统一社会信用代码应为18位数字或大写字母（不含 I、O、Z、S、V）");
        var zone = string.IsNullOrWhiteSpace(timeZone) ? Display.DefaultTimeZone : timeZone.Trim();
        if (!Display.IsKnownZone(zone))
            throw DomainException.For(nameof(TimeZone), "未知的时区“{0}”", zone);
        (Name, CreditCode, Category, TimeZone, Notes) = (
            name.Trim(),
            code,
            category,
            zone,
            string.IsNullOrWhiteSpace(notes) ? null : notes.Trim()
        );
    }

    public Contact AddContact(string name, string? phone, string? email, string? title, bool isPrimary)
    {
        var contact = new Contact(this, name, phone, email, title, isPrimary);
        Contacts.Add(contact);
        return contact;
    }

    /// <summary>The primary contact is the one called first, so there is only one.</summary>
    public void MakePrimary(Contact primary)
    {
        foreach (var other in Contacts.Where(c => c != primary && c.IsPrimary))
            other.Demote();
    }

    public Site AddSite(string name, string address)
    {
        var site = new Site(this, name, address);
        Sites.Add(site);
        return site;
    }
}

/// <summary>Kind of organisation, for filtering the list.</summary>
public enum CustomerCategory
{
    Government,
    School,
    Hospital,
    Enterprise,
    Other,
}

public static class CustomerCategories
{
    public static string Title(CustomerCategory c) =>
        c switch
        {
            CustomerCategory.Government => "政府机关",
            CustomerCategory.School => "学校",
            CustomerCategory.Hospital => "医院",
            CustomerCategory.Enterprise => "企业",
            CustomerCategory.Other => "其他",
        };
}
