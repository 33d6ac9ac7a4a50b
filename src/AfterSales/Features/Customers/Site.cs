using AfterSales.Platform.Audit;
using AfterSales.Platform.Data;

namespace AfterSales.Features.Customers;

/// <summary>地点: an address of the customer where products are installed.</summary>
public sealed class Site : IAuditedChild, ICustomerOwned
{
    public long Id { get; private set; }
    public long CustomerId { get; private set; }

    /// <summary>Short name, e.g. 行政楼 or 东校区.</summary>
    public string Name { get; private set; } = "";
    public string Address { get; private set; } = "";

    string IAuditedChild.AuditParentType => nameof(Customer);
    long IAuditedChild.AuditParentId => CustomerId;

    Site() { }

    internal Site(Customer customer, string name, string address)
    {
        CustomerId = customer.Id;
        Update(name, address);
    }

    public void Update(string name, string address) => (Name, Address) = (name.Trim(), address.Trim());
}
