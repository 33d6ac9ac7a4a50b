using AfterSales.Features.Customers;
using AfterSales.Platform.Audit;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.Contracts;

/// <summary>合同: what was sold to a customer, for how much, and the service promised with it.</summary>
public sealed class Contract : IAudited, ICustomerOwned
{
    public long Id { get; private set; }
    public long CustomerId { get; private set; }
    public Customer? Customer { get; private set; }

    /// <summary>合同编号, unique across all customers.</summary>
    public string Number { get; private set; } = "";
    public string Title { get; private set; } = "";

    /// <summary>合同总额 in fen; the base of every penalty.</summary>
    public long TotalFen { get; private set; }
    public DateOnly SignedOn { get; private set; }

    /// <summary>交付使用: warranty and free maintenance run from here.</summary>
    public DateOnly? DeliveredOn { get; private set; }

    /// <summary>终验: free technical service runs from here.</summary>
    public DateOnly? FinalAcceptanceOn { get; private set; }
    public ServiceTerms Terms { get; private set; } = ServiceTerms.TenderDefaults();
    public DateTime CreatedAtUtc { get; private set; }

    Contract() { }

    public static Contract Create(
        long customerId,
        string number,
        string title,
        long totalFen,
        DateOnly signedOn,
        DateOnly? deliveredOn,
        DateOnly? finalAcceptanceOn,
        ServiceTerms terms,
        DateTime nowUtc
    )
    {
        var c = new Contract { CustomerId = customerId, CreatedAtUtc = nowUtc };
        c.Update(number, title, totalFen, signedOn, deliveredOn, finalAcceptanceOn, terms);
        return c;
    }

    public void Update(
        string number,
        string title,
        long totalFen,
        DateOnly signedOn,
        DateOnly? deliveredOn,
        DateOnly? finalAcceptanceOn,
        ServiceTerms terms
    )
    {
        if (totalFen < 0)
            throw DomainException.For(nameof(TotalFen), "合同总额不能为负数");
        if (deliveredOn is { } d && d < signedOn)
            throw DomainException.For(nameof(DeliveredOn), "交付使用日期不能早于签订日期");
        if (finalAcceptanceOn is { } f && deliveredOn is null)
            throw DomainException.For(nameof(FinalAcceptanceOn), "尚未交付使用，不能填写终验日期");
        if (finalAcceptanceOn is { } f2 && deliveredOn is { } d2 && f2 < d2)
            throw DomainException.For(nameof(FinalAcceptanceOn), "终验日期不能早于交付使用日期");
        terms.Validate();
        (Number, Title, TotalFen, SignedOn) = (number.Trim(), title.Trim(), totalFen, signedOn);
        (DeliveredOn, FinalAcceptanceOn) = (deliveredOn, finalAcceptanceOn);
        // The tracked instance is kept, so the audit trail shows each changed term with old and new value.
        Terms.CopyFrom(terms);
    }

    public CoveragePeriods Coverage => CoveragePeriods.Of(this);
}
