using System.Net;
using System.Text.Json;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Customers;

public sealed class CustomerApiErrorTests
{
    public static TheoryData<string, object, HttpStatusCode, string, string> BadCustomers =>
        new()
        {
            {
                "missing name",
                new { creditCode = "91350100M000100Y43", category = "School" },
                HttpStatusCode.BadRequest,
                "name",
                "请填写名称"
            },
            {
                "over-long name",
                new
                {
                    name = new string('校', 201),
                    creditCode = "91350100M000100Y43",
                    category = "School",
                },
                HttpStatusCode.BadRequest,
                "name",
                "名称不能超过200个字符"
            },
            {
                "missing code",
                new { name = "甲单位", category = "School" },
                HttpStatusCode.BadRequest,
                "creditCode",
                "请填写统一社会信用代码"
            },
            {
                "missing category",
                new { name = "甲单位", creditCode = "91350100M000100Y43" },
                HttpStatusCode.BadRequest,
                "category",
                "请填写类别"
            },
            {
                "17 characters",
                new
                {
                    name = "甲单位",
                    creditCode = "91350100M000100Y4",
                    category = "School",
                },
                HttpStatusCode.UnprocessableEntity,
                "creditCode",
                "统一社会信用代码应为18位数字或大写字母（不含 I、O、Z、S、V）"
            },
            {
                "a letter O",
                new
                {
                    name = "甲单位",
                    creditCode = "91350100O000100Y43",
                    category = "School",
                },
                HttpStatusCode.UnprocessableEntity,
                "creditCode",
                "统一社会信用代码应为18位数字或大写字母（不含 I、O、Z、S、V）"
            },
            {
                "unknown time zone",
                new
                {
                    name = "甲单位",
                    creditCode = "91350100M000100Y43",
                    category = "School",
                    timeZone = "Mars/Olympus",
                },
                HttpStatusCode.UnprocessableEntity,
                "timeZone",
                "未知的时区“Mars/Olympus”"
            },
        };

    [Theory]
    [MemberData(nameof(BadCustomers))]
    public async Task A_bad_customer_is_refused_with_a_chinese_message_and_nothing_is_saved(
        string because,
        object body,
        HttpStatusCode status,
        string field,
        string message
    )
    {
        await using var app = new AppFactory();
        var api = await app.SignInAsync(Roles.Agent);
        var before = await app.SnapshotAsync();

        var response = await api.PostJsonAsync("/api/v1/customers", body);

        response.StatusCode.ShouldBe(status, because);
        (await response.FieldErrorsAsync(field)).ShouldBe(message, because);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_duplicate_credit_code_is_refused_with_the_name_of_its_owner()
    {
        await using var app = new AppFactory();
        var first = await app.AddCustomerAsync("杭州市第一中学");
        var second = await app.AddCustomerAsync("杭州市第二中学");
        var api = await app.SignInAsync(Roles.Agent);
        var before = await app.SnapshotAsync();

        var created = await api.PostJsonAsync(
            "/api/v1/customers",
            new
            {
                name = "重复单位",
                creditCode = first.CreditCode,
                category = "Other",
            }
        );
        var changed = await api.PutJsonAsync(
            $"/api/v1/customers/{second.Id}",
            new
            {
                name = second.Name,
                creditCode = first.CreditCode.ToLowerInvariant(),
                category = "School",
            }
        );

        foreach (var response in new[] { created, changed })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await response.FieldErrorsAsync("creditCode")).ShouldBe(
                $"统一社会信用代码“{first.CreditCode}”已被用户单位“杭州市第一中学”使用"
            );
        }
        (await app.SnapshotAsync()).ShouldBe(before);
        (await app.DbAsync(db => db.Customers.SingleAsync(c => c.Id == second.Id))).CreditCode.ShouldBe(second.CreditCode);
    }

    [Fact]
    public async Task Errors_are_in_english_for_a_client_that_asks_for_english()
    {
        await using var app = new AppFactory();
        var first = await app.AddCustomerAsync("杭州市第一中学");
        var api = await app.ApiKeyClientAsync(Policies.ReadMasterData, Policies.EditMasterData);
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var before = await app.SnapshotAsync();

        var duplicate = await api.PostJsonAsync(
            "/api/v1/customers",
            new
            {
                name = "Dup",
                creditCode = first.CreditCode,
                category = "Other",
            }
        );
        var unconfirmed = await api.PostJsonAsync(
            "/api/v1/customers",
            new
            {
                name = "Typo",
                creditCode = CustomerBuilders.FailingCode(),
                category = "Other",
            }
        );

        (await duplicate.FieldErrorsAsync("creditCode")).ShouldBe(
            $"The unified social credit code “{first.CreditCode}” is already used by the customer “杭州市第一中学”"
        );
        (await unconfirmed.FieldErrorsAsync("creditCode")).ShouldStartWith(
            "The check character of the unified social credit code does not match"
        );
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_unknown_customer_is_404_for_every_verb()
    {
        await using var app = new AppFactory();
        var api = await app.SignInAsync(Roles.Agent);
        var body = new
        {
            name = "甲单位",
            creditCode = "91350100M000100Y43",
            category = "School",
        };
        var before = await app.SnapshotAsync();

        (await api.GetAsync("/api/v1/customers/424242")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.PutJsonAsync("/api/v1/customers/424242", body)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.DeleteAsync("/api/v1/customers/424242")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var problem = await (await api.GetAsync("/api/v1/customers/424242")).ReadJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().ShouldBe("未找到");
        (await app.SnapshotAsync()).ShouldBe(before);
    }
}
