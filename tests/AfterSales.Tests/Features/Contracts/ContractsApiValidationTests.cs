using System.Net;
using System.Text.Json;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.Contracts;

/// <summary>Every bad contract gets its field's message in the caller's language, and nothing is saved.</summary>
public sealed class ContractsApiValidationTests
{
    static Dictionary<string, object?> Valid(long customerId) =>
        new()
        {
            ["customerId"] = customerId,
            ["number"] = "HT-2025-0099",
            ["title"] = "院区导视系统及灯箱",
            ["totalFen"] = 126_800_050,
            ["signedOn"] = "2025-01-10",
            ["deliveredOn"] = "2025-03-15",
            ["finalAcceptanceOn"] = "2025-04-01",
        };

    public static TheoryData<string, object?, HttpStatusCode, string, string> BadFields =>
        new()
        {
            { "number", null, HttpStatusCode.BadRequest, "number", "请填写合同编号" },
            { "number", new string('A', 65), HttpStatusCode.BadRequest, "number", "合同编号不能超过64个字符" },
            { "title", "", HttpStatusCode.BadRequest, "title", "请填写合同名称" },
            { "signedOn", null, HttpStatusCode.BadRequest, "signedOn", "请填写签订日期" },
            { "totalFen", -1, HttpStatusCode.UnprocessableEntity, "totalFen", "合同总额不能为负数" },
            { "finalAcceptanceOn", "2025-03-14", HttpStatusCode.UnprocessableEntity, "finalAcceptanceOn", "终验日期不能早于交付使用日期" },
            { "deliveredOn", "2025-01-09", HttpStatusCode.UnprocessableEntity, "deliveredOn", "交付使用日期不能早于签订日期" },
            { "customerId", 424242, HttpStatusCode.UnprocessableEntity, "customerId", "用户单位不存在" },
            {
                "terms",
                new { warrantyMonths = 601 },
                HttpStatusCode.UnprocessableEntity,
                "terms.warrantyMonths",
                "质保期应在0到600个月之间"
            },
            {
                "terms",
                new { responseHours = 0 },
                HttpStatusCode.UnprocessableEntity,
                "terms.responseHours",
                "响应时限应在1到8760小时之间"
            },
            {
                "terms",
                new { penaltyCapBp = 10_001 },
                HttpStatusCode.UnprocessableEntity,
                "terms.penaltyCapBp",
                "违约金上限应在0到10000个基点（0%–100%）之间"
            },
        };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_bad_field_is_refused_with_its_message_and_nothing_is_saved(
        string field,
        object? value,
        HttpStatusCode status,
        string errorKey,
        string message
    )
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        var api = await app.ApiKeyClientAsync(Policies.EditMasterData);
        var body = Valid(customer.CustomerId);
        body[field] = value;
        var before = await app.SnapshotAsync();

        var response = await api.PostJsonAsync("/api/v1/contracts", body);

        response.StatusCode.ShouldBe(status);
        (await Errors(response))[errorKey].ShouldContain(message);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_duplicate_contract_number_is_refused()
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        var other = await app.CustomerAsync("浙江省人民医院");
        await app.ContractAsync(other.CustomerId, "HT-2025-0099");
        var api = await app.ApiKeyClientAsync(Policies.EditMasterData);
        var before = await app.SnapshotAsync();

        var response = await api.PostJsonAsync("/api/v1/contracts", Valid(customer.CustomerId));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Errors(response))["number"].ShouldContain("合同编号“HT-2025-0099”已被使用");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Renaming_a_contract_to_another_contracts_number_is_refused_and_changes_nothing()
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        await app.ContractAsync(customer.CustomerId, "HT-1");
        var id = await app.ContractAsync(customer.CustomerId, "HT-2");
        var api = await app.ApiKeyClientAsync(Policies.EditMasterData, Policies.ReadMasterData);
        var body = Valid(customer.CustomerId);
        body["number"] = "HT-1";
        var before = await app.SnapshotAsync();

        var response = await api.PutJsonAsync($"/api/v1/contracts/{id}", body);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Errors(response))["number"].ShouldContain("合同编号“HT-1”已被使用");
        (await app.SnapshotAsync()).ShouldBe(before);
        (await api.GetStringAsync($"/api/v1/contracts/{id}")).ShouldContain("\"number\":\"HT-2\"");
    }

    [Fact]
    public async Task The_message_is_in_english_for_a_caller_who_asks_for_english()
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        var api = await app.ApiKeyClientAsync(Policies.EditMasterData);
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var body = Valid(customer.CustomerId);
        body["totalFen"] = -100;
        var before = await app.SnapshotAsync();

        var response = await api.PostJsonAsync("/api/v1/contracts", body);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Errors(response))["totalFen"].ShouldContain("The contract total cannot be negative");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    static async Task<Dictionary<string, string[]>> Errors(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }
}
