using System.Net;
using System.Text.Json;
using AfterSales.Features.Admin;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Admin;

public sealed class ApiKeysTests
{
    static readonly string[] AuditScope = [Policies.ReadAudit];
    static readonly string[] RootScope = ["root"];

    static Task<HttpResponseMessage> CreateOnPageAsync(HttpClient admin, string name, params string[] scopes) =>
        admin.PostFieldsAsync("/Admin/ApiKeys", [("Input.Name", name), .. scopes.Select(s => ("Input.Scopes", s))]);

    static async Task<string> SecretOf(HttpResponseMessage created) =>
        (await created.ParseAsync()).QuerySelector("#new-secret")!.GetAttribute("value")!;

    HttpClient KeyClient(AppFactory app, string secret)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        return client;
    }

    [Fact]
    public async Task A_key_created_on_the_page_shows_its_secret_once_and_stores_only_a_hash()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin);

        var created = await CreateOnPageAsync(admin, "呼叫中心", Policies.ReadAudit);

        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        created.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var secret = await SecretOf(created);
        secret.ShouldStartWith("ak_");
        var again = await admin.GetAsync("/Admin/ApiKeys");
        var html = await again.Content.ReadAsStringAsync();
        html.ShouldNotContain(secret);
        html.ShouldContain("呼叫中心");
        var row = await app.DbAsync(db => db.Set<ApiKey>().AsNoTracking().SingleAsync());
        var stored = string.Join("|", row.Name, row.Prefix, row.Hash, row.Scopes, row.CreatedBy);
        var random = secret[12..];
        stored.ShouldNotContain(random);
        row.Hash.Length.ShouldBe(64);
        var trail = await app.DbAsync(db => db.AuditEntries.Select(e => e.Changes).ToListAsync());
        trail.ShouldAllBe(changes => !changes.Contains(random));
    }

    [Fact]
    public async Task A_key_with_the_audit_scope_reads_the_audit_api_until_it_is_revoked()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin);
        var secret = await SecretOf(await CreateOnPageAsync(admin, "审计工具", Policies.ReadAudit));
        var machine = KeyClient(app, secret);

        var allowed = await machine.GetAsync("/api/v1/audit?entityType=ApiKey");

        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await allowed.ReadJsonAsync<AuditPage>();
        page.Items.ShouldHaveSingleItem().Changes.ShouldContain(c => c.Property == "Name" && c.New == "审计工具");
        var id = await app.DbAsync(db => db.Set<ApiKey>().Select(k => k.Id).SingleAsync());

        var revoked = await admin.PostFieldsAsync($"/Admin/ApiKeys?handler=Revoke&id={id}", [], "/Admin/ApiKeys");

        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await machine.GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.GetPageAsync("/Admin/ApiKeys")).Text($"[data-key='{id}'] .state").ShouldStartWith("已吊销");
    }

    [Fact]
    public async Task A_key_revoked_on_another_node_stops_working_within_the_cache_refresh()
    {
        await using var app = new AppFactory();
        var machine = await app.ApiKeyClientAsync(Policies.ReadAudit);
        (await machine.GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Revoked in the database directly, as another application node would: this node's cache is not told.
        await app.DbAsync(async db =>
        {
            var key = await db.Set<ApiKey>().SingleAsync();
            key.Revoke(app.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });
        app.Clock.Advance(ApiKeyCache.RefreshAfter);

        (await machine.GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_key_created_after_an_unknown_key_was_tried_works_at_once()
    {
        await using var app = new AppFactory();
        var unknown = KeyClient(app, "ak_0badc0de_not-a-real-secret");
        (await unknown.GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var machine = await app.ApiKeyClientAsync(Policies.ReadAudit);

        (await machine.GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await KeyClient(app, "ak_0badc0de_not-a-real-secret").GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_key_with_a_wrong_secret_behind_a_cached_prefix_is_refused()
    {
        await using var app = new AppFactory();
        var machine = await app.ApiKeyClientAsync(Policies.ReadAudit);
        (await machine.GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var secret = machine.DefaultRequestHeaders.GetValues("X-Api-Key").Single();

        var forged = KeyClient(app, secret[..12] + "forged-secret-of-the-same-prefix");

        (await forged.GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_key_without_the_scope_is_forbidden()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin);
        var secret = await SecretOf(await CreateOnPageAsync(admin, "ERP", Policies.ReadMasterData, Policies.EditMasterData));

        var response = await KeyClient(app, secret).GetAsync("/api/v1/audit");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Last_use_is_recorded_at_most_once_a_minute()
    {
        await using var app = new AppFactory();
        var machine = await app.ApiKeyClientAsync(Policies.ReadAudit);
        Task<DateTime?> LastUsed() => app.DbAsync(db => db.Set<ApiKey>().Select(k => k.LastUsedAtUtc).SingleAsync());

        await machine.GetAsync("/api/v1/audit");
        (await LastUsed()).ShouldBe(AppFactory.T0.UtcDateTime);
        app.Clock.Advance(TimeSpan.FromSeconds(40));
        await machine.GetAsync("/api/v1/audit");
        (await LastUsed()).ShouldBe(AppFactory.T0.UtcDateTime);
        app.Clock.Advance(TimeSpan.FromSeconds(40));
        await machine.GetAsync("/api/v1/audit");

        (await LastUsed()).ShouldBe(AppFactory.T0.UtcDateTime.AddSeconds(80));
    }

    [Fact]
    public async Task A_key_without_a_name_or_scope_is_refused_on_the_page_and_nothing_is_saved()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin);
        var before = await app.SnapshotAsync();

        var noName = await CreateOnPageAsync(admin, "", Policies.ReadAudit);
        var noScope = await CreateOnPageAsync(admin, "ERP");
        var unknown = await CreateOnPageAsync(admin, "ERP", "everything");

        noName.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await noName.ParseAsync()).Text("[data-valmsg-for='Input.Name']").ShouldBe("请填写名称");
        (await noScope.Content.ReadAsStringAsync()).ShouldContain("请至少选择一个权限范围");
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("未知的权限范围“everything”");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_api_creates_lists_and_revokes_keys_and_never_lists_a_secret()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin);

        var created = await admin.PostJsonAsync("/api/v1/api-keys", new { name = "邮件网关", scopes = AuditScope });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await created.ReadJsonAsync<NewApiKeyOut>();
        body.Key.Scopes.ShouldBe(AuditScope);
        (await KeyClient(app, body.Secret).GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = await admin.GetAsync("/api/v1/api-keys");
        (await list.Content.ReadAsStringAsync()).ShouldNotContain(body.Secret);
        var revoked = await admin.PostJsonAsync($"/api/v1/api-keys/{body.Key.Id}/revoke", new { });
        (await revoked.ReadJsonAsync<ApiKeyOut>()).Active.ShouldBeFalse();
        (await KeyClient(app, body.Secret).GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.PostJsonAsync("/api/v1/api-keys/999/revoke", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_api_refuses_a_key_without_name_or_with_an_unknown_scope_with_field_errors()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin);
        var before = await app.SnapshotAsync();

        var noName = await admin.PostJsonAsync("/api/v1/api-keys", new { name = "", scopes = AuditScope });
        var unknown = await admin.PostJsonAsync("/api/v1/api-keys", new { name = "x", scopes = RootScope });

        // DataAnnotations errors are a 400 ValidationProblem; a rule's refusal of a field is a 422.
        noName.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noName.ReadJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("name")[0].GetString().ShouldBe("请填写名称");
        unknown.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await unknown.ReadJsonAsync<JsonElement>())
            .GetProperty("errors")
            .GetProperty("scopes")[0]
            .GetString()
            .ShouldBe("未知的权限范围“root”");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_admin_endpoints_are_described_in_the_openapi_document()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin);

        var document = await (await admin.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();

        document.ShouldContain("\"/api/v1/audit\"");
        document.ShouldContain("\"/api/v1/api-keys/{id}/revoke\"");
    }
}
