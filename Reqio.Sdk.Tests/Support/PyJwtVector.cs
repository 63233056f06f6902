using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace Reqio.Sdk.Tests.Support;

/// <summary>One token PyJWT minted (Vectors/pyjwt-vectors.json, copied from shared/vectors), with its inputs.</summary>
public sealed class PyJwtVector
{
    private PyJwtVector(JsonObject json)
    {
        Name = (string)json["name"]!;
        UserJson = json["user"]!.AsObject();
        Audience = (string)json["audience"]!;
        IssuedAt = (long)json["iat"]!;
        LifetimeSeconds = (int)json["lifetime"]!;
        Secret = (string)json["secret"]!;
        Token = (string)json["token"]!;
        Claims = json["claims"]!.AsObject();
    }

    public string Name { get; }

    public JsonObject UserJson { get; }

    public string Audience { get; }

    public long IssuedAt { get; }

    public int LifetimeSeconds { get; }

    public string Secret { get; }

    public string Token { get; }

    /// <summary>The claims PyJWT signed, as the vector file states them.</summary>
    public JsonObject Claims { get; }

    public static IReadOnlyList<PyJwtVector> All { get; } = Load();

    public ReqioUser User => new(
        (string)UserJson["id"]!,
        (string?)UserJson["email"],
        UserJson["traits"] is JsonObject traits
            ? new ReqioTraits(
                (string?)traits["plan"],
                (long?)traits["amount"],
                (string?)traits["interval"] switch
                {
                    null => null,
                    "month" => BillingInterval.Month,
                    "year" => BillingInterval.Year,
                    var other => throw new InvalidDataException($"Unknown interval {other}"),
                })
            : null);

    public ReqioProject Options => new(Secret, Audience)
    {
        Lifetime = TimeSpan.FromSeconds(LifetimeSeconds),
        Clock = new FixedClock(IssuedAt),
    };

    public override string ToString() => Name;

    private static List<PyJwtVector> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Vectors", "pyjwt-vectors.json");
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        return root["vectors"]!.AsArray().Select(v => new PyJwtVector(v!.AsObject())).ToList();
    }
}
