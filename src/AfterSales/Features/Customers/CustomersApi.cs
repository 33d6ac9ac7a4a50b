using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Customers;

/// <summary>/api/v1/customers: customers with their contacts and sites.</summary>
public static class CustomersApi
{
    public static RouteGroupBuilder MapCustomersApi(this RouteGroupBuilder api)
    {
        var customers = api.MapGroup("/customers").WithTags("Customers");
        customers.MapGet("/", List).RequireAuthorization(Policies.ReadMasterData).WithSummary("List customers (search, category, paging)");
        customers.MapGet("/{id:long}", Get).RequireAuthorization(Policies.ReadMasterData).WithSummary("A customer with contacts and sites");
        customers
            .MapPost("/", Create)
            .RequireAuthorization(Policies.EditMasterData)
            .WithSummary("Create a customer; a code whose check character fails needs confirmChecksumWarning: true");
        customers.MapPut("/{id:long}", Update).RequireAuthorization(Policies.EditMasterData).WithSummary("Change a customer");
        customers
            .MapDelete("/{id:long}", Delete)
            .RequireAuthorization(Policies.EditMasterData)
            .WithSummary("Delete a customer without contracts, documents or logins");
        customers.MapContactsApi();
        customers.MapSitesApi();
        customers.ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    static async Task<Ok<PagedResult<CustomerSummary>>> List(
        AppDbContext db,
        string? q,
        CustomerCategory? category,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        var (p, size) = CustomerSearch.Clamp(page, pageSize);
        var matching = db.Customers.AsNoTracking().Matching(q, category);
        var total = await matching.CountAsync(ct);
        var rows = await matching.InListOrder().Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<CustomerSummary>([.. rows.Select(CustomerSummary.From)], total, p, size));
    }

    static async Task<Ok<CustomerDetails>> Get(AppDbContext db, long id, CancellationToken ct) =>
        TypedResults.Ok(CustomerDetails.From(await LoadAsync(db, id, ct)));

    static async Task<Results<Created<CustomerDetails>, ValidationProblem>> Create(
        CustomerInput input,
        CustomerEditor editor,
        AppDbContext db,
        CancellationToken ct
    )
    {
        if (Invalid(input, null) is { } problem)
            return problem;
        var customer = await editor.CreateAsync(input, ct);
        return TypedResults.Created($"/api/v1/customers/{customer.Id}", CustomerDetails.From(await LoadAsync(db, customer.Id, ct)));
    }

    static async Task<Results<Ok<CustomerDetails>, ValidationProblem>> Update(
        long id,
        CustomerInput input,
        CustomerEditor editor,
        AppDbContext db,
        CancellationToken ct
    )
    {
        var customer = await editor.FindAsync(id, ct);
        if (Invalid(input, customer) is { } problem)
            return problem;
        await editor.UpdateAsync(customer, input, ct);
        return TypedResults.Ok(CustomerDetails.From(await LoadAsync(db, id, ct)));
    }

    static async Task<NoContent> Delete(long id, CustomerEditor editor, CancellationToken ct)
    {
        await editor.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }

    static ValidationProblem? Invalid(CustomerInput input, Customer? existing)
    {
        var errors = ValidationMessages.Validate(input);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: Texts.T("提交的内容有误"));
        if (CustomerEditor.NeedsChecksumConfirmation(input, existing))
            throw DomainException.For(
                nameof(CustomerInput.CreditCode),
                "统一社会信用代码校验位不符，请核对；确认无误仍要保存，请同时提交 confirmChecksumWarning: true"
            );
        return null;
    }

    /// <summary>Not visible to the caller (another customer's) and not existing look the same: 404.</summary>
    static async Task<Customer> LoadAsync(AppDbContext db, long id, CancellationToken ct) =>
        await db
            .Customers.AsNoTracking()
            .Include(c => c.Contacts)
            .Include(c => c.Sites)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? throw new NotFoundException();
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public sealed record CustomerSummary(
    long Id,
    string Name,
    string CreditCode,
    CreditCodeCheck CreditCodeCheck,
    CustomerCategory Category,
    string TimeZone
)
{
    public static CustomerSummary From(Customer c) =>
        new(c.Id, c.Name, c.CreditCode, Customers.CreditCode.Check(c.CreditCode), c.Category, c.TimeZone);
}

public sealed record CustomerDetails(
    long Id,
    string Name,
    string CreditCode,
    CreditCodeCheck CreditCodeCheck,
    CustomerCategory Category,
    string TimeZone,
    string? Notes,
    DateTime CreatedAtUtc,
    IReadOnlyList<ContactOutput> Contacts,
    IReadOnlyList<SiteOutput> Sites
)
{
    public static CustomerDetails From(Customer c) =>
        new(
            c.Id,
            c.Name,
            c.CreditCode,
            Customers.CreditCode.Check(c.CreditCode),
            c.Category,
            c.TimeZone,
            c.Notes,
            c.CreatedAtUtc,
            [.. c.Contacts.OrderByDescending(k => k.IsPrimary).ThenBy(k => k.Id).Select(ContactOutput.From)],
            [.. c.Sites.OrderBy(s => s.Id).Select(SiteOutput.From)]
        );
}

public sealed record ContactOutput(long Id, string Name, string? Phone, string? Email, string? Title, bool IsPrimary)
{
    public static ContactOutput From(Contact c) => new(c.Id, c.Name, c.Phone, c.Email, c.Title, c.IsPrimary);
}

public sealed record SiteOutput(long Id, string Name, string Address)
{
    public static SiteOutput From(Site s) => new(s.Id, s.Name, s.Address);
}
