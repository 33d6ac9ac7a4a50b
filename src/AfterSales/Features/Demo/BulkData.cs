using AfterSales.Features.Assets;
using AfterSales.Features.Contracts;
using AfterSales.Features.Customers;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Demo;

/// <summary>
/// Generates N customers, each with two contacts, two sites, one or two contracts and three
/// assets per contract, for benchmarks. Deterministic for a given seed; appends to what exists.
/// </summary>
internal static class BulkData
{
    static readonly string[] Cities = ["杭州市", "宁波市", "温州市", "绍兴市", "嘉兴市", "湖州市", "金华市", "台州市"];
    static readonly string[] Kinds =
    [
        "第一中学",
        "实验小学",
        "人民医院",
        "中医院",
        "街道办事处",
        "市场监督管理局",
        "图书馆",
        "建设集团有限公司",
        "科技有限公司",
        "体育中心",
    ];
    static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];

    public static async Task<string> GenerateAsync(IServiceProvider sp, int customers, int seed, CancellationToken ct)
    {
        var random = new Random(seed);
        var clock = sp.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var start = await NextSerialAsync(sp, ct);
        var typeIds = await sp.GetRequiredService<AppDbContext>().ProductTypes.Select(t => t.Id).ToListAsync(ct);

        const int batch = 500;
        var made = (Customers: 0, Contracts: 0, Assets: 0);
        for (var offset = 0; offset < customers; offset += batch)
        {
            await using var scope = sp.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.AuditDisabled = true;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var created = new List<Customer>();
            for (var i = offset; i < Math.Min(customers, offset + batch); i++)
            {
                var n = start + i;
                var category = (CustomerCategory)(n % 5);
                var name = $"{Cities[n % Cities.Length]}{Kinds[random.Next(Kinds.Length)]}（{n:D6}）";
                var code = DemoData.Code($"91{330100 + n % 900:D6}{n:D9}");
                var c = Customer.Create(name, code, category, null, null, now);
                c.AddContact($"{Surnames[random.Next(Surnames.Length)]}经理", $"138{n % 100_000_000:D8}", null, "后勤", true);
                c.AddContact($"{Surnames[random.Next(Surnames.Length)]}主任", $"0571-8{n % 10_000_000:D7}", null, null, false);
                c.AddSite("主楼", $"{Cities[n % Cities.Length]}某路 {n % 999 + 1} 号");
                c.AddSite("分部", $"{Cities[(n + 3) % Cities.Length]}某街 {n % 777 + 1} 号");
                created.Add(c);
            }
            db.Customers.AddRange(created);
            await db.SaveChangesAsync(ct);

            var contracts = new List<(Contract Contract, Customer Customer)>();
            foreach (var c in created)
            {
                for (var k = 0; k < 1 + random.Next(2); k++)
                {
                    var signed = today.AddDays(-random.Next(30, 1500));
                    var delivered = signed.AddDays(random.Next(10, 90));
                    var contract = Contract.Create(
                        c.Id,
                        $"BULK-{c.Id:D7}-{k + 1}",
                        "标识标牌制作安装",
                        random.NextInt64(1_000_000, 200_000_000),
                        signed,
                        delivered,
                        delivered.AddDays(30),
                        ServiceTerms.TenderDefaults(),
                        now
                    );
                    contracts.Add((contract, c));
                }
            }
            db.Contracts.AddRange(contracts.Select(x => x.Contract));
            await db.SaveChangesAsync(ct);

            var assets = new List<Asset>();
            foreach (var (contract, customer) in contracts)
            {
                for (var a = 0; a < 3; a++)
                {
                    var site = customer.Sites[a % customer.Sites.Count];
                    var type = await db.ProductTypes.FindAsync([typeIds[random.Next(typeIds.Count)]], ct);
                    assets.Add(Asset.Create(contract, site, type!, random.Next(1, 50), $"{a + 1} 号楼", contract.DeliveredOn, null, now));
                }
            }
            db.Assets.AddRange(assets);
            await db.SaveChangesAsync(ct);
            made = (made.Customers + created.Count, made.Contracts + contracts.Count, made.Assets + assets.Count);
        }
        return $"Generated {made.Customers} customers, {made.Contracts} contracts, {made.Assets} assets.";
    }

    static async Task<int> NextSerialAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        return (await db.Customers.IgnoreQueryFilters().MaxAsync(c => (long?)c.Id, ct) ?? 0) is var max ? (int)max + 1 : 1;
    }
}
