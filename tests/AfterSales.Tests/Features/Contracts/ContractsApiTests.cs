using System.Net;
using System.Text.Json;
using AfterSales.Features.Contracts;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Contracts;

public sealed class ContractsApiTests
{
    static Dictionary<string, object?> NewContract(long customerId, string number = "HT-2025-0012") =>
        new()
        {
            ["customerId"] = customerId,
            ["number"] = number,
            ["title"] = "校园标识标牌及荣誉墙制作安装",
            ["totalFen"] = 38_650_000,
            ["signedOn"] = "2025-01-10",
            ["deliveredOn"] = "2025-03-15",
            ["finalAcceptanceOn"] = "2025-04-01",
        };

    [Fact]
    public async Task An_editor_creates_a_contract_and_reads_it_back_with_its_terms_and_coverage()
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        var api = await app.ApiKeyClientAsync(Policies.EditMasterData, Policies.ReadMasterData);
        var body = NewContract(customer.CustomerId);
        body["terms"] = new
        {
            warrantyMonths = 12,
            onSiteHours = 8,
            penaltyCapBp = 1000,
        };

        var created = await api.PostJsonAsync("/api/v1/contracts", body);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var location = created.Headers.Location!.ToString();
        var contract = await (await api.GetAsync(location)).ReadJsonAsync<ContractOutput>();
        contract.Number.ShouldBe("HT-2025-0012");
        contract.CustomerName.ShouldBe("杭州市第一中学");
        contract.TotalFen.ShouldBe(38_650_000);
        contract.DeliveredOn.ShouldBe(new DateOnly(2025, 3, 15));
        contract.Terms.WarrantyMonths.ShouldBe(12);
        contract.Terms.OnSiteHours.ShouldBe(8);
        contract.Terms.ResponseHours.ShouldBe(4); // left out: the tender's default
        contract.Terms.PenaltyCapBp.ShouldBe(1000);
        // Today is 2026-11-25 in Shanghai.
        contract.Coverage.Today.ShouldBe(new DateOnly(2026, 11, 25));
        contract.Coverage.Warranty.ShouldBe(new PeriodOutput(new(2025, 3, 15), new(2026, 3, 14), false, false));
        contract.Coverage.FreeMaintenance.ShouldBe(new PeriodOutput(new(2025, 3, 15), new(2028, 3, 14), false, true));
        contract.Coverage.TechnicalService.ShouldBe(new PeriodOutput(new(2025, 4, 1), new(2030, 3, 31), false, true));
    }

    [Fact]
    public async Task Dates_and_amounts_travel_as_iso_dates_and_integer_fen()
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        var api = await app.ApiKeyClientAsync(Policies.EditMasterData, Policies.ReadMasterData);

        var created = await api.PostJsonAsync("/api/v1/contracts", NewContract(customer.CustomerId));

        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("totalFen").GetInt64().ShouldBe(38_650_000);
        json.RootElement.GetProperty("signedOn").GetString().ShouldBe("2025-01-10");
        json.RootElement.GetProperty("coverage").GetProperty("warranty").GetProperty("until").GetString().ShouldBe("2027-03-14");
        json.RootElement.GetProperty("terms").GetProperty("calendar").GetString().ShouldBe("AllHours");
    }

    [Fact]
    public async Task Changing_the_terms_through_the_api_is_audited_with_old_and_new_values()
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        var id = await app.ContractAsync(customer.CustomerId, "HT-7", new DateOnly(2025, 3, 15));
        var api = await app.ApiKeyClientAsync(Policies.EditMasterData);
        var change = NewContract(customer.CustomerId, "HT-7");
        change.Remove("customerId");
        change["terms"] = new { warrantyMonths = 36, responsePenaltyBp = 200 };

        var response = await api.PutJsonAsync($"/api/v1/contracts/{id}", change);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadJsonAsync<ContractOutput>()).Coverage.Warranty.Active.ShouldBeTrue(); // until 2028-03-14
        var changes = await app.DbAsync(db =>
            db.AuditEntries.Where(e => e.EntityType == "Contract" && e.EntityId == id.ToString())
                .OrderBy(e => e.Id)
                .Select(e => e.Changes)
                .ToListAsync()
        );
        changes.Last().ShouldContain("""{"p":"Terms.WarrantyMonths","o":"24","n":"36"}""");
        changes.Last().ShouldContain("""{"p":"Terms.ResponsePenaltyBp","o":"100","n":"200"}""");
    }

    [Fact]
    public async Task A_put_without_terms_keeps_the_contracts_terms()
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        var terms = ServiceTerms.TenderDefaults() with { OnSiteHours = 8 };
        var id = await app.ContractAsync(customer.CustomerId, "HT-8", new DateOnly(2025, 3, 15), terms);
        var api = await app.ApiKeyClientAsync(Policies.EditMasterData);
        var change = NewContract(customer.CustomerId, "HT-8");
        change["title"] = "新的名称";

        var updated = await (await api.PutJsonAsync($"/api/v1/contracts/{id}", change)).ReadJsonAsync<ContractOutput>();

        updated.Title.ShouldBe("新的名称");
        updated.Terms.OnSiteHours.ShouldBe(8);
    }

    [Fact]
    public async Task The_list_searches_by_chinese_substring_filters_by_customer_and_pages_by_twenty()
    {
        await using var app = new AppFactory();
        var school = await app.CustomerAsync("杭州市第一中学");
        var hospital = await app.CustomerAsync("浙江省人民医院");
        for (var i = 1; i <= 23; i++)
            await app.ContractAsync(school.CustomerId, $"HT-S-{i:00}");
        await app.ContractAsync(hospital.CustomerId, "HT-H-01", title: "院区导视系统及灯箱");
        var api = await app.ApiKeyClientAsync(Policies.ReadMasterData);

        var first = await (await api.GetAsync("/api/v1/contracts")).ReadJsonAsync<ContractList>();
        var second = await (await api.GetAsync($"/api/v1/contracts?customerId={school.CustomerId}&page=2")).ReadJsonAsync<ContractList>();
        var byTitle = await (await api.GetAsync("/api/v1/contracts?q=导视")).ReadJsonAsync<ContractList>();
        var byCustomer = await (await api.GetAsync("/api/v1/contracts?q=人民医院")).ReadJsonAsync<ContractList>();
        var byNumber = await (await api.GetAsync("/api/v1/contracts?q=ht-s-1")).ReadJsonAsync<ContractList>();

        (first.Total, first.Items.Count, first.Page, first.PageSize).ShouldBe((24, 20, 1, 20));
        (second.Total, second.Items.Count).ShouldBe((23, 3));
        second.Items.ShouldAllBe(c => c.CustomerId == school.CustomerId);
        byTitle.Items.Single().Number.ShouldBe("HT-H-01");
        byCustomer.Items.Single().Number.ShouldBe("HT-H-01");
        byNumber.Items.Select(c => c.Number).Order().ShouldBe([.. Enumerable.Range(10, 10).Select(i => $"HT-S-{i}")]);
    }

    [Fact]
    public async Task The_list_filters_by_warranty_status()
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        await app.ContractAsync(customer.CustomerId, "IN", new DateOnly(2025, 6, 1));
        await app.ContractAsync(customer.CustomerId, "OUT", new DateOnly(2023, 6, 1));
        await app.ContractAsync(customer.CustomerId, "OPEN");
        var api = await app.ApiKeyClientAsync(Policies.ReadMasterData);

        async Task<string> Numbers(string status) =>
            string.Join(
                ",",
                (await (await api.GetAsync($"/api/v1/contracts?warranty={status}")).ReadJsonAsync<ContractList>()).Items.Select(c =>
                    c.Number
                )
            );

        (await Numbers("InWarranty")).ShouldBe("IN");
        (await Numbers("Expired")).ShouldBe("OUT");
        (await Numbers("NotDelivered")).ShouldBe("OPEN");
    }

    [Fact]
    public async Task Unknown_contracts_are_404()
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        var api = await app.ApiKeyClientAsync(Policies.EditMasterData, Policies.ReadMasterData);

        (await api.GetAsync("/api/v1/contracts/424242")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.PutJsonAsync("/api/v1/contracts/424242", NewContract(customer.CustomerId))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reading_is_not_enough_to_write()
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        var reader = await app.ApiKeyClientAsync(Policies.ReadMasterData);

        var response = await reader.PostJsonAsync("/api/v1/contracts", NewContract(customer.CustomerId));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
