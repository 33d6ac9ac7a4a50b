using AfterSales.Platform.Auth;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Features.Customers;

/// <summary>/api/v1/customers/{id}/contacts and /sites.</summary>
internal static class ContactsAndSitesApi
{
    public static void MapContactsApi(this RouteGroupBuilder customers)
    {
        var contacts = customers.MapGroup("/{id:long}/contacts");
        contacts.MapGet("/{contactId:long}", GetContact).RequireAuthorization(Policies.ReadMasterData);
        contacts.MapPost("/", AddContact).RequireAuthorization(Policies.EditMasterData);
        contacts.MapPut("/{contactId:long}", UpdateContact).RequireAuthorization(Policies.EditMasterData);
        contacts.MapDelete("/{contactId:long}", DeleteContact).RequireAuthorization(Policies.EditMasterData);
    }

    public static void MapSitesApi(this RouteGroupBuilder customers)
    {
        var sites = customers.MapGroup("/{id:long}/sites");
        sites.MapGet("/{siteId:long}", GetSite).RequireAuthorization(Policies.ReadMasterData);
        sites.MapPost("/", AddSite).RequireAuthorization(Policies.EditMasterData);
        sites.MapPut("/{siteId:long}", UpdateSite).RequireAuthorization(Policies.EditMasterData);
        sites.MapDelete("/{siteId:long}", DeleteSite).RequireAuthorization(Policies.EditMasterData);
    }

    static async Task<Ok<ContactOutput>> GetContact(long id, long contactId, ContactEditor editor, CancellationToken ct) =>
        TypedResults.Ok(ContactOutput.From(await editor.FindAsync(id, contactId, ct)));

    static async Task<Results<Created<ContactOutput>, ValidationProblem>> AddContact(
        long id,
        ContactInput input,
        ContactEditor editor,
        CancellationToken ct
    )
    {
        if (Invalid(input) is { } problem)
            return problem;
        var contact = await editor.AddAsync(id, input, ct);
        return TypedResults.Created($"/api/v1/customers/{id}/contacts/{contact.Id}", ContactOutput.From(contact));
    }

    static async Task<Results<Ok<ContactOutput>, ValidationProblem>> UpdateContact(
        long id,
        long contactId,
        ContactInput input,
        ContactEditor editor,
        CancellationToken ct
    )
    {
        if (Invalid(input) is { } problem)
            return problem;
        return TypedResults.Ok(ContactOutput.From(await editor.UpdateAsync(id, contactId, input, ct)));
    }

    static async Task<NoContent> DeleteContact(long id, long contactId, ContactEditor editor, CancellationToken ct)
    {
        await editor.DeleteAsync(id, contactId, ct);
        return TypedResults.NoContent();
    }

    static async Task<Ok<SiteOutput>> GetSite(long id, long siteId, SiteEditor editor, CancellationToken ct) =>
        TypedResults.Ok(SiteOutput.From(await editor.FindAsync(id, siteId, ct)));

    static async Task<Results<Created<SiteOutput>, ValidationProblem>> AddSite(
        long id,
        SiteInput input,
        SiteEditor editor,
        CancellationToken ct
    )
    {
        if (Invalid(input) is { } problem)
            return problem;
        var site = await editor.AddAsync(id, input, ct);
        return TypedResults.Created($"/api/v1/customers/{id}/sites/{site.Id}", SiteOutput.From(site));
    }

    static async Task<Results<Ok<SiteOutput>, ValidationProblem>> UpdateSite(
        long id,
        long siteId,
        SiteInput input,
        SiteEditor editor,
        CancellationToken ct
    )
    {
        if (Invalid(input) is { } problem)
            return problem;
        return TypedResults.Ok(SiteOutput.From(await editor.UpdateAsync(id, siteId, input, ct)));
    }

    static async Task<NoContent> DeleteSite(long id, long siteId, SiteEditor editor, CancellationToken ct)
    {
        await editor.DeleteAsync(id, siteId, ct);
        return TypedResults.NoContent();
    }

    static ValidationProblem? Invalid(object input)
    {
        var errors = ValidationMessages.Validate(input);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors, title: Texts.T("提交的内容有误")) : null;
    }
}
