using System.ComponentModel.DataAnnotations;
using AfterSales.Features.Inspections.Rules;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Inspections;

/// <summary>One season's window as month and day of its first and last day; a last day before the first crosses the year end.</summary>
public sealed record SeasonWindowInput
{
    [Required, Range(1, 12), Display(Name = "开始月份")]
    public int? FromMonth { get; init; }

    [Required, Range(1, 31), Display(Name = "开始日")]
    public int? FromDay { get; init; }

    [Required, Range(1, 12), Display(Name = "结束月份")]
    public int? UntilMonth { get; init; }

    [Required, Range(1, 31), Display(Name = "结束日")]
    public int? UntilDay { get; init; }

    public SeasonWindow ToWindow() => new(FromMonth!.Value, FromDay!.Value, UntilMonth!.Value, UntilDay!.Value);
}

public sealed record InspectionWindowsInput
{
    [Required, Display(Name = "夏季巡检窗口")]
    public SeasonWindowInput? Summer { get; init; }

    [Required, Display(Name = "冬季巡检窗口")]
    public SeasonWindowInput? Winter { get; init; }
}

/// <param name="Agreed">False while the contract uses the tender's defaults.</param>
public sealed record InspectionWindowsOutput(long ContractId, SeasonWindow Summer, SeasonWindow Winter, bool Agreed);

/// <summary>
/// 巡检窗口 per contract: GET /api/v1/contracts/{id}/inspection-windows (the defaults until agreed
/// otherwise) and PUT to agree them, by staff who edit contracts. The planner reads them for every
/// round it plans from then on; rounds already planned keep their window.
/// </summary>
public static class InspectionWindowsApi
{
    public static RouteGroupBuilder MapInspectionWindowsApi(this RouteGroupBuilder api)
    {
        var windows = api.MapGroup("/contracts/{id:long}/inspection-windows").WithTags("Inspections");
        windows.MapGet("/", GetAsync).RequireAuthorization(Policies.ReadMasterData);
        windows.MapPut("/", PutAsync).RequireAuthorization(Policies.EditMasterData);
        return api;
    }

    static async Task<Results<Ok<InspectionWindowsOutput>, NotFound>> GetAsync(long id, AppDbContext db, CancellationToken ct)
    {
        if (!await db.Contracts.AnyAsync(c => c.Id == id, ct))
            return TypedResults.NotFound();
        return TypedResults.Ok(Output(id, await db.InspectionWindows.AsNoTracking().SingleOrDefaultAsync(w => w.ContractId == id, ct)));
    }

    static async Task<Results<Ok<InspectionWindowsOutput>, NotFound, ValidationProblem>> PutAsync(
        long id,
        InspectionWindowsInput input,
        ContractWindows windows,
        CancellationToken ct
    )
    {
        var errors = ValidationMessages.Validate(input);
        foreach (var (season, w) in new[] { ("summer", input.Summer), ("winter", input.Winter) })
        {
            if (w is null)
                continue;
            foreach (var (field, messages) in ValidationMessages.Validate(w))
                errors[$"{season}.{field}"] = messages;
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var saved = await windows.AgreeAsync(id, input.Summer!.ToWindow(), input.Winter!.ToWindow(), ct);
        return saved is null ? TypedResults.NotFound() : TypedResults.Ok(Output(id, saved));
    }

    public static InspectionWindowsOutput Output(long contractId, InspectionWindows? w) =>
        new(contractId, w?.Summer ?? SeasonWindow.SummerDefault, w?.Winter ?? SeasonWindow.WinterDefault, w is not null);
}

/// <summary>Agrees a contract's windows (page and API); the row is created on the first change and audited like any other.</summary>
public sealed class ContractWindows(AppDbContext db)
{
    /// <returns>The stored windows, or null when the contract is not there (or not the caller's).</returns>
    public async Task<InspectionWindows?> AgreeAsync(long contractId, SeasonWindow summer, SeasonWindow winter, CancellationToken ct)
    {
        var contract = await db.Contracts.SingleOrDefaultAsync(c => c.Id == contractId, ct);
        if (contract is null)
            return null;
        var row = await db.InspectionWindows.SingleOrDefaultAsync(w => w.ContractId == contractId, ct);
        if (row is null)
            db.InspectionWindows.Add(row = InspectionWindows.For(contract, summer, winter));
        else
            row.Update(summer, winter);
        await db.SaveChangesAsync(ct);
        return row;
    }
}
