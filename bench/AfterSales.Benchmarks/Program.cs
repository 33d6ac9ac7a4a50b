using AfterSales.Benchmarks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// The generated benchmark project rebuilds the whole web application; on two cores that outlasts
// BenchmarkDotNet's default two-minute build timeout.
var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
BenchmarkSwitcher.FromAssembly(typeof(ClockEngineBenchmarks).Assembly).Run(args, config);
