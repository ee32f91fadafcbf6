Console.Error.WriteLine("The AppHost orchestrator is being built (see issue 3).");
return 1;
