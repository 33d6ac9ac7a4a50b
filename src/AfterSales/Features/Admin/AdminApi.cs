using System.ComponentModel.DataAnnotations;
using AfterSales.Features.Admin.ApiKeys;
using AfterSales.Features.Admin.Audit;
using AfterSales.Platform.Audit;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Admin;

/// <summary>The audit trail for auditors' tools, and API keys for whoever automates the administration.</summary>
internal static class AdminApi
{
    public static void MapAdminApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", ListAudit)
            .RequireAuthorization(Policies.ReadAudit)
            .WithTags("Audit")
            .WithSummary("Audit entries, newest first; entityType + entityId also include the record's children.");

        var keys = api.MapGroup("/api-keys").RequireAuthorization(Policies.Administer).WithTags("API keys");
        keys.MapGet("/", ListKeys).WithSummary("All API keys (never their secrets).");
        keys.MapPost("/", CreateKey).WithSummary("Creates a key; the answer carries its secret, which is shown only this once.");
        keys.MapPost("/{id:long}/revoke", RevokeKey).WithSummary("Revokes a key; requests with it are refused from now on.");
    }

    static async Task<Ok<AuditPage>> ListAudit(AppDbContext db, string? entityType, string? entityId, int? page, CancellationToken ct)
    {
        var number = Math.Max(1, page ?? 1);
        var (entries, hasMore) = await AuditSearch.RunAsync(db, new AuditFilter(entityType, entityId, null, null, null, number), ct);
        return TypedResults.Ok(new AuditPage([.. entries.Select(AuditOut.From)], number, AuditSearch.PageSize, hasMore));
    }

    static async Task<Ok<List<ApiKeyOut>>> ListKeys(AppDbContext db, CancellationToken ct)
    {
        var keys = await db.Set<ApiKey>().AsNoTracking().OrderByDescending(k => k.Id).ToListAsync(ct);
        return TypedResults.Ok(keys.Select(ApiKeyOut.From).ToList());
    }

    static async Task<Results<Created<NewApiKeyOut>, ValidationProblem>> CreateKey(
        ApiKeyIn input,
        AppDbContext db,
        TimeProvider clock,
        CurrentUser me,
        CancellationToken ct
    )
    {
        var errors = ValidationMessages.Validate(input);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: Texts.T("提交的内容有误"));
        var scopes = ApiKeyScopes.Check(input.Scopes);
        var (key, secret) = ApiKey.Create(input.Name!.Trim(), scopes, me.DisplayName, clock.GetUtcNow().UtcDateTime);
        db.Add(key);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/api-keys/{key.Id}", new NewApiKeyOut(ApiKeyOut.From(key), secret));
    }

    static async Task<Ok<ApiKeyOut>> RevokeKey(long id, AppDbContext db, TimeProvider clock, ApiKeyCache keys, CancellationToken ct)
    {
        var key = await db.Set<ApiKey>().FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException();
        key.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        keys.Invalidate();
        return TypedResults.Ok(ApiKeyOut.From(key));
    }
}

public sealed record AuditPage(IReadOnlyList<AuditOut> Items, int Page, int PageSize, bool HasMore);

public sealed record AuditOut(
    long Id,
    DateTime AtUtc,
    string? UserId,
    string UserName,
    string EntityType,
    string EntityId,
    string? ParentType,
    string? ParentId,
    AuditAction Action,
    IReadOnlyList<AuditChange> Changes
)
{
    public static AuditOut From(AuditEntry e) =>
        new(e.Id, e.AtUtc, e.UserId, e.UserName, e.EntityType, e.EntityId, e.ParentType, e.ParentId, e.Action, AuditSearch.Changes(e));
}

public sealed record ApiKeyIn(
    [property: Required, StringLength(100), Display(Name = "名称")] string? Name,
    [property: Display(Name = "权限范围")] IReadOnlyList<string>? Scopes
);

public sealed record ApiKeyOut(
    long Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTime CreatedAtUtc,
    string CreatedBy,
    DateTime? LastUsedAtUtc,
    DateTime? RevokedAtUtc,
    bool Active
)
{
    public static ApiKeyOut From(ApiKey k) =>
        new(k.Id, k.Name, k.Prefix, k.ScopeList, k.CreatedAtUtc, k.CreatedBy, k.LastUsedAtUtc, k.RevokedAtUtc, k.IsActive);
}

/// <summary>The new key and its secret: the only time the secret leaves the server.</summary>
public sealed record NewApiKeyOut(ApiKeyOut Key, string Secret);
