using Kith.Web.Cli;

// One executable: with no verb it serves the web app; a verb (users, demo, postcodes, ...) runs a command.
return await KithCommandLine.RunAsync(args);

/// <summary>The entry point, named so tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
