using DocumentsBench;

return args.FirstOrDefault() switch
{
    "issuer" => await Issuer.RunAsync(args[1..]),
    "measure" => await Measure.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        DocumentsBench issuer --issuer URL --token-file PATH --subject S --role R --party ISO3 [--port 0]
        DocumentsBench measure --direct URL --gateway URL --token-file PATH --review ID --size-mib N --rounds R [--warmup W] --service-pid PID [--gateway-pid PID] --results PATH
        """);
    return 2;
}
