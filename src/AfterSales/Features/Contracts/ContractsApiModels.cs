using System.ComponentModel.DataAnnotations;
using AfterSales.Features.Customers;

namespace AfterSales.Features.Contracts;

/// <summary>A contract's data as PUT takes it. Amounts in fen; terms left out keep the contract's current terms.</summary>
public class ContractChange
{
    [Required, StringLength(64), Display(Name = "合同编号")]
    public string? Number { get; init; }

    [Required, StringLength(200), Display(Name = "合同名称")]
    public string? Title { get; init; }

    [Required, Display(Name = "合同总额")]
    public long? TotalFen { get; init; }

    [Required, Display(Name = "签订日期")]
    public DateOnly? SignedOn { get; init; }

    public DateOnly? DeliveredOn { get; init; }

    public DateOnly? FinalAcceptanceOn { get; init; }

    public TermsFields? Terms { get; init; }
}

/// <summary>A new contract as POST takes it; terms left out are the tender's defaults.</summary>
public sealed class NewContract : ContractChange
{
    [Required, Display(Name = "用户单位")]
    public long? CustomerId { get; init; }
}

public sealed record PeriodOutput(DateOnly? From, DateOnly? Until, bool Pending, bool Active);

/// <summary>The periods the terms derive, and whether each runs on <paramref name="Today"/> (the customer's date).</summary>
public sealed record CoverageOutput(DateOnly Today, PeriodOutput Warranty, PeriodOutput FreeMaintenance, PeriodOutput TechnicalService)
{
    public static CoverageOutput Of(CoveragePeriods c, DateOnly today) =>
        new(today, Period(c.Warranty, today), Period(c.FreeMaintenance, today), Period(c.TechnicalService, today));

    static PeriodOutput Period(CoveragePeriod p, DateOnly today) => new(p.From, p.Until, p.Pending, p.IsActiveOn(today));
}

public sealed record ContractOutput(
    long Id,
    long CustomerId,
    string CustomerName,
    string Number,
    string Title,
    long TotalFen,
    DateOnly SignedOn,
    DateOnly? DeliveredOn,
    DateOnly? FinalAcceptanceOn,
    TermsFields Terms,
    CoverageOutput Coverage,
    DateTime CreatedAtUtc
)
{
    public static ContractOutput Of(Contract c, Customer customer, DateOnly today) =>
        new(
            c.Id,
            c.CustomerId,
            customer.Name,
            c.Number,
            c.Title,
            c.TotalFen,
            c.SignedOn,
            c.DeliveredOn,
            c.FinalAcceptanceOn,
            TermsFields.From(c.Terms),
            CoverageOutput.Of(c.Coverage, today),
            c.CreatedAtUtc
        );
}

public sealed record ContractList(IReadOnlyList<ContractOutput> Items, int Total, int Page, int PageSize);
