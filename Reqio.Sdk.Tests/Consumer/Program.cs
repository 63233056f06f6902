using Reqio.Sdk;

// Mints one token from the environment (REQIO_SECRET, REQIO_PROJECT_ID or REQIO_AUDIENCE) for the user id given
// as the first argument, and prints it: what a customer's server does, through the published package.
string id = args.Length > 0 ? args[0] : "consumer-user";
var user = new ReqioUser(id, "grace@example.org", ReqioTraits.Yearly("business", 58_800));
Console.WriteLine(ReqioToken.Mint(user));
return 0;
