using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// Short in-process runs: the machine is shared, and the figures are for comparing against the
// baseline measured in the same run, not for absolute claims. Results go in docs/benchmarks.md.
//   dotnet run -c Release --project bench/Kith.Benchmarks -- --filter '*'
if (args is ["--quick"])
{
    Kith.Benchmarks.QuickCheck.Run();
    return;
}

var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .WithOptions(ConfigOptions.JoinSummary);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
