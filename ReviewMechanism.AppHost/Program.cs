using ReviewMechanism.AppHost;
using ReviewMechanism.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

MechanismGraph.Build(builder);

await builder.Build().RunAsync();
