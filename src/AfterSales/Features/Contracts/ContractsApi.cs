using AfterSales.Features.Assets;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Formatting;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Contracts;

/// <summary>/api/v1/contracts: contracts with their terms and the coverage periods they derive.</summary>
internal static class ContractsApi
{
    public const int MaxPageSize = 100;

    public static void MapContractsApi(this RouteGroupBuilder api)
    {
        var contracts = api.MapGroup("/contracts").WithTags("Contracts");
        contracts.MapGet("/", ListAsync).RequireAuthorization(Policies.ReadMasterData);
        contracts.MapGet("/{id:long}", GetAsync).RequireAuthorization(Policies.ReadMasterData);
        contracts.MapPost("/", CreateAsync).RequireAuthorization(Policies.EditMasterData);
        contracts.MapPut("/{id:long}", UpdateAsync).RequireAuthorization(Policies.EditMasterData);
    }

    static async Task<Ok<ContractList>> ListAsync(
        AppDbContext db,
        TimeProvider clock,
        CancellationToken ct,
        string? q = null,
        long? customerId = null,
        WarrantyStatus? warranty = null,
        int page = 1,
        int pageSize = ContractSearch.PageSize
    )
    {
        (page, pageSize) = (Math.Max(1, page), Math.Clamp(pageSize, 1, MaxPageSize));
        var query = db.Contracts.AsNoTracking().Matching(q, customerId, warranty, Display.Today(clock));
        var total = await query.CountAsync(ct);
        var rows = await query.Newest().Include(c => c.Customer).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var items = rows.Select(c => ContractOutput.Of(c, c.Customer!, Display.Today(clock, c.Customer!.TimeZone))).ToList();
        return TypedResults.Ok(new ContractList(items, total, page, pageSize));
    }

    static async Task<Results<Ok<ContractOutput>, NotFound>> GetAsync(long id, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var c = await db.Contracts.AsNoTracking().Include(x => x.Customer).FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(ContractOutput.Of(c, c.Customer!, Display.Today(clock, c.Customer!.TimeZone)));
    }

    static async Task<Results<Created<ContractOutput>, ValidationProblem>> CreateAsync(
        NewContract input,
        AppDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var errors = ValidationMessages.Validate(input);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var customer =
            await db.Customers.FirstOrDefaultAsync(c => c.Id == input.CustomerId, ct)
            ?? throw DomainException.For(nameof(NewContract.CustomerId), "用户单位不存在");
        await ContractSearch.EnsureNumberFreeAsync(db, input.Number!, null, ct);
        var contract = Contract.Create(
            customer.Id,
            input.Number!,
            input.Title!,
            input.TotalFen!.Value,
            input.SignedOn!.Value,
            input.DeliveredOn,
            input.FinalAcceptanceOn,
            (input.Terms ?? new TermsFields()).ToTerms(),
            clock.GetUtcNow().UtcDateTime
        );
        db.Contracts.Add(contract);
        await db.SaveChangesAsync(ct);
        var output = ContractOutput.Of(contract, customer, Display.Today(clock, customer.TimeZone));
        return TypedResults.Created($"/api/v1/contracts/{contract.Id}", output);
    }

    static async Task<Results<Ok<ContractOutput>, NotFound, ValidationProblem>> UpdateAsync(
        long id,
        ContractChange input,
        AppDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var contract = await db.Contracts.Include(c => c.Customer).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
            return TypedResults.NotFound();
        var errors = ValidationMessages.Validate(input);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        await ContractSearch.EnsureNumberFreeAsync(db, input.Number!, id, ct);
        contract.Update(
            input.Number!,
            input.Title!,
            input.TotalFen!.Value,
            input.SignedOn!.Value,
            input.DeliveredOn,
            input.FinalAcceptanceOn,
            input.Terms?.ToTerms() ?? contract.Terms with { }
        );
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ContractOutput.Of(contract, contract.Customer!, Display.Today(clock, contract.Customer!.TimeZone)));
    }
}
