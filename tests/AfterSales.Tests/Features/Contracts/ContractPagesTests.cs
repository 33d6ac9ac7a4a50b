using System.Net;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Contracts;

public sealed class ContractPagesTests
{
    internal static (string, string)[] Filled =>
        [
            ("Input.Number", "HT-2025-0012"),
            ("Input.Title", "校园标识标牌及荣誉墙制作安装"),
            ("Input.Total", "386,500.00"),
            ("Input.SignedOn", "2025-01-10"),
            ("Input.DeliveredOn", "2025-03-15"),
            ("Input.FinalAcceptanceOn", "2025-04-01"),
        ];

    [Fact]
    public async Task The_new_contract_form_starts_with_the_customer_chosen_and_the_tender_terms()
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        var agent = await app.SignInAsync(Roles.Agent);

        var form = await agent.ReadFormAsync($"/Contracts/New?customerId={customer.CustomerId}", "#contract-form");

        form["CustomerId"].ShouldBe(customer.CustomerId.ToString());
        form["Input.Terms.WarrantyMonths"].ShouldBe("24");
        form["Input.Terms.FreeMaintenanceMonths"].ShouldBe("36");
        form["Input.Terms.TechnicalServiceMonths"].ShouldBe("60");
        form["Input.Terms.ResponseHours"].ShouldBe("4");
        form["Input.Terms.OnSiteHours"].ShouldBe("24");
        form["Input.Terms.ExpertHours"].ShouldBe("4");
        form["Input.Terms.RestoreHours"].ShouldBe("48");
        form["Input.Terms.ComplaintReplyHours"].ShouldBe("24");
        form["Input.Terms.Calendar"].ShouldBe("AllHours");
        form["Input.Terms.ResponsePenaltyBp"].ShouldBe("100");
        form["Input.Terms.LateRestorePenaltyBp"].ShouldBe("100");
        form["Input.Terms.AccidentPenaltyBp"].ShouldBe("100");
        form["Input.Terms.PenaltyCapBp"].ShouldBe("");
    }

    [Fact]
    public async Task The_customer_search_above_the_select_offers_the_matching_customers()
    {
        await using var app = new AppFactory();
        await app.CustomerAsync("杭州市第一中学");
        await app.CustomerAsync("浙江省人民医院");
        var agent = await app.SignInAsync(Roles.Agent);

        var options = await agent.GetStringAsync("/Contracts/New?handler=Customers&customerQuery=人民");

        options.ShouldContain("浙江省人民医院");
        options.ShouldNotContain("杭州市第一中学");
    }

    [Fact]
    public async Task An_agent_creates_a_contract_and_its_page_shows_every_term_and_the_periods_running_today()
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        var agent = await app.SignInAsync(Roles.Agent);
        var url = $"/Contracts/New?customerId={customer.CustomerId}";
        var form = await agent.ReadFormAsync(url, "#contract-form");

        var response = await agent.PostFormAsync(url, form.With(Filled));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await agent.GetPageAsync(response.Headers.Location!.ToString());
        page.Text("#contract-number").ShouldBe("HT-2025-0012");
        page.Text("#contract-customer").ShouldBe("杭州市第一中学");
        page.QuerySelector("#contract-customer")!.GetAttribute("href").ShouldBe($"/Customers/{customer.CustomerId}");
        page.Text("#contract-total").ShouldBe("¥386,500.00");
        page.Text("#delivered-on").ShouldBe("2025-03-15");
        page.Text("#term-warranty").ShouldBe("24个月");
        page.Text("#term-onsite").ShouldBe("24小时");
        page.Text("#term-calendar").ShouldBe("7x24");
        page.Text("#term-response-penalty").ShouldBe("合同总额的 1.00%/次");
        page.Text("#term-restore-penalty").ShouldBe("合同总额的 1.00%/天");
        page.Text("#term-cap").ShouldBe("无");
        // Today is 2026-11-25 in Shanghai; 24 months from 2025-03-15 run until 2027-03-14.
        page.Text("#coverage-warranty").ShouldContain("2025-03-15 — 2027-03-14");
        page.QuerySelector("#coverage-warranty [data-active]")!.GetAttribute("data-active").ShouldBe("true");
        page.Text("#coverage-maintenance").ShouldContain("2025-03-15 — 2028-03-14");
        page.Text("#coverage-technical").ShouldContain("2025-04-01 — 2030-03-31");
        page.QuerySelector("#contract-documents .document-list").ShouldNotBeNull();
        page.Text("#audit-trail").ShouldContain("HT-2025-0012");
    }

    [Fact]
    public async Task A_contract_with_its_own_terms_shows_them_readably()
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        var agent = await app.SignInAsync(Roles.Agent);
        var url = $"/Contracts/New?customerId={customer.CustomerId}";
        var form = await agent.ReadFormAsync(url, "#contract-form");
        var terms = new[]
        {
            ("Input.DeliveredOn", ""),
            ("Input.FinalAcceptanceOn", ""),
            ("Input.Terms.Calendar", "BusinessHours"),
            ("Input.Terms.ResponsePenaltyBp", "150"),
            ("Input.Terms.PenaltyCapBp", "1000"),
        };

        var response = await agent.PostFormAsync(url, form.With(Filled).With(terms));

        var page = await agent.GetPageAsync(response.Headers.Location!.ToString());
        page.Text("#term-calendar").ShouldBe("工作日历");
        page.Text("#term-response-penalty").ShouldBe("合同总额的 1.50%/次");
        page.Text("#term-cap").ShouldBe("10.00%");
        page.Text("#coverage-warranty").ShouldContain("自交付使用起算");
        page.Text("#coverage-technical").ShouldContain("自终验起算");
        page.QuerySelector("#coverage-warranty [data-active]")!.GetAttribute("data-active").ShouldBe("false");
    }

    [Fact]
    public async Task Editing_the_terms_shows_the_new_values_and_the_change_in_the_audit_trail()
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        var id = await app.ContractAsync(customer.CustomerId, "HT-9", new DateOnly(2025, 3, 15));
        var agent = await app.SignInAsync(Roles.Agent);
        var url = $"/Contracts/{id}/Edit";
        var form = await agent.ReadFormAsync(url, "#contract-form");
        form["Input.Total"].ShouldBe("386500.00");

        var response = await agent.PostFormAsync(url, form.With(("Input.Terms.WarrantyMonths", "12"), ("Input.Terms.OnSiteHours", "8")));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await agent.GetPageAsync($"/Contracts/{id}");
        page.Text("#term-warranty").ShouldBe("12个月");
        page.Text("#term-onsite").ShouldBe("8小时");
        page.Text("#coverage-warranty").ShouldContain("2025-03-15 — 2026-03-14");
        page.QuerySelector("#coverage-warranty [data-active]")!.GetAttribute("data-active").ShouldBe("false");
        var trail = page.Text("#audit-trail");
        trail.ShouldContain("Terms.WarrantyMonths：24 → 12");
        trail.ShouldContain("Terms.OnSiteHours：24 → 8");
    }

    [Fact]
    public async Task Unknown_contracts_are_404_on_the_pages()
    {
        await using var app = new AppFactory();
        var agent = await app.SignInAsync(Roles.Agent);

        (await agent.GetAsync("/Contracts/424242")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await agent.GetAsync("/Contracts/424242/Edit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Technicians_read_contracts_but_cannot_edit_them()
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        var id = await app.ContractAsync(customer.CustomerId, "HT-10");
        var technician = await app.SignInAsync(Roles.Technician);

        var page = await technician.GetPageAsync($"/Contracts/{id}");
        var edit = await technician.GetAsync($"/Contracts/{id}/Edit");

        page.QuerySelector("#edit-contract").ShouldBeNull();
        edit.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        edit.Headers.Location!.ToString().ShouldContain("/Account/Denied");
    }

    [Fact]
    public async Task The_list_page_searches_and_pages_and_answers_htmx_with_the_rows_only()
    {
        await using var app = new AppFactory();
        var school = await app.CustomerAsync("杭州市第一中学");
        var hospital = await app.CustomerAsync("浙江省人民医院");
        for (var i = 1; i <= 21; i++)
            await app.ContractAsync(school.CustomerId, $"HT-S-{i:00}");
        await app.ContractAsync(hospital.CustomerId, "HT-H-01", new DateOnly(2023, 1, 1));
        var agent = await app.SignInAsync(Roles.Agent);

        var all = await agent.GetPageAsync("/Contracts");
        var second = await agent.GetPageAsync("/Contracts?p=2");
        var expired = await agent.GetPageAsync("/Contracts?warranty=Expired");
        var request = new HttpRequestMessage(HttpMethod.Get, "/Contracts?q=人民医院");
        request.Headers.Add("HX-Request", "true");
        var rows = await agent.SendAsync(request);

        all.QuerySelectorAll(".contract-row").Length.ShouldBe(20);
        all.Text("#contract-total").ShouldBe("共 22 条");
        second.QuerySelectorAll(".contract-row").Length.ShouldBe(2);
        expired.QuerySelectorAll(".contract-row").Select(r => r.QuerySelector("a")!.TextContent).ShouldBe(["HT-H-01"]);
        var html = await rows.Content.ReadAsStringAsync();
        html.ShouldNotContain("<html");
        html.ShouldContain("HT-H-01");
        html.ShouldNotContain("HT-S-01");
        rows.Headers.Vary.ShouldContain("HX-Request");
    }
}
