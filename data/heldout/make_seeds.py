#!/usr/bin/env python3
"""Writes data/heldout/servers.json (server.json shape, like data/seed/servers.json) from the table below.

Each entry: package, version, domain, positional args, plain env values, secret env names (the crawler gives them
`placeholder-<NAME>`). Run from the repository root: python3 data/heldout/make_seeds.py
"""
import json, pathlib

SERVERS = [
    # package, version, domain, args, env, secrets
    ("@stripe/mcp", "0.3.3", "payments (proxy to remote server)", [], {"STRIPE_SECRET_KEY": "rk_test_placeholder"}, []),
    ("@stripe/mcp", "0.2.5", "payments", ["--tools=all", "--api-key=rk_test_placeholder"], {}, []),
    ("tavily-mcp", "0.2.22", "web search", [], {}, []),
    ("exa-mcp-server", "3.4.1", "web search", [], {}, []),
    ("@benborla29/mcp-server-mysql", "2.0.9", "database", [], {"MYSQL_HOST": "127.0.0.1", "MYSQL_PORT": "3306", "MYSQL_USER": "root", "MYSQL_DB": "test"}, ["MYSQL_PASS"]),
    ("@modelcontextprotocol/server-sequential-thinking", "2026.8.31", "reasoning", [], {}, []),
    ("@modelcontextprotocol/server-gitlab", "2025.4.25", "git hosting", [], {"GITLAB_API_URL": "https://gitlab.com/api/v4"}, ["GITLAB_PERSONAL_ACCESS_TOKEN"]),
    ("@cyanheads/git-mcp-server", "2.15.3", "git (local)", [], {}, []),
    ("chrome-devtools-mcp", "1.11.0", "browser", [], {}, []),
    ("@browsermcp/mcp", "0.1.3", "browser", [], {}, []),
    ("@upstash/mcp-server", "0.3.0", "cloud database", [], {"UPSTASH_EMAIL": "user@example.com"}, ["UPSTASH_API_KEY"]),
    ("@aashari/mcp-server-atlassian-bitbucket", "3.1.0", "git hosting", [], {}, []),
    ("@bitwarden/mcp-server", "2026.7.0", "password manager", [], {}, []),
    ("@auth0/auth0-mcp-server", "0.1.0-beta.19", "identity", ["run"], {"AUTH0_DOMAIN": "example.auth0.com"}, ["AUTH0_TOKEN"]),
    ("@line/line-bot-mcp-server", "0.5.0", "messaging", [], {"DESTINATION_USER_ID": "U00000000000000000000000000000000"}, ["CHANNEL_ACCESS_TOKEN"]),
    ("@twilio-alpha/mcp", "0.7.0", "messaging/telephony", ["AC00000000000000000000000000000000/SK00000000000000000000000000000000:placeholder-secret"], {}, []),
    ("@mapbox/mcp-server", "0.14.0", "maps", [], {}, []),
    ("@dynatrace-oss/dynatrace-mcp-server", "2.1.2", "monitoring", [], {"DT_ENVIRONMENT": "https://abc12345.apps.dynatrace.com"}, ["DT_PLATFORM_TOKEN"]),
    ("@shopify/dev-mcp", "1.16.0", "developer docs", [], {}, []),
    ("@digitalocean/mcp", "1.0.70", "cloud", [], {}, ["DIGITALOCEAN_API_TOKEN"]),
    ("@alanse/mcp-neo4j-server", "0.2.0", "graph database", [], {"NEO4J_URI": "bolt://127.0.0.1:7687", "NEO4J_USERNAME": "neo4j"}, ["NEO4J_PASSWORD"]),
    ("mcp-mongo-server", "3.0.1", "database", [], {"MCP_MONGODB_URI": "mongodb://127.0.0.1:27017/test"}, []),
    ("@doist/todoist-ai", "9.0.0", "tasks", [], {}, []),
    ("@kazuph/mcp-taskmanager", "1.1.1", "tasks (local)", [], {}, []),
    ("mcp-server-sqlite-npx", "0.8.0", "database (local)", ["/tmp/test.db"], {}, []),
    ("@railway/mcp-server", "0.1.12", "cloud hosting", [], {}, []),
    ("@21st-dev/magic", "0.2.3", "UI generation (proxy to remote server)", [], {}, ["API_KEY"]),
    ("server-perplexity-ask", "0.1.3", "AI search", [], {}, ["PERPLEXITY_API_KEY"]),
    ("mcp-discord", "1.3.4", "chat", [], {}, []),
    ("@mem0/mcp-server", "0.0.1", "memory", [], {}, ["MEM0_API_KEY"]),
    ("@rollbar/mcp-server", "0.6.0", "monitoring", [], {}, ["ROLLBAR_ACCESS_TOKEN"]),
    ("@currents/mcp", "2.1.1", "CI/test reporting", [], {}, []),
    ("@translated/lara-mcp", "1.0.6", "translation", [], {}, ["LARA_ACCESS_KEY_ID", "LARA_ACCESS_KEY_SECRET"]),
    ("@vapi-ai/mcp-server", "0.0.11", "voice agents", [], {}, ["VAPI_TOKEN"]),
]

def entry(pkg, ver, domain, args, env, secrets):
    name = pkg.lstrip("@").replace("/", "-")
    if (pkg, ver) == ("@stripe/mcp", "0.2.5"):
        name += "-0.2.5"  # two versions of one package: keep the server names (ids) distinct
    p = {"registryType": "npm", "identifier": pkg, "version": ver, "transport": {"type": "stdio"}}
    if args:
        p["packageArguments"] = [{"type": "positional", "value": a, "isRequired": True} for a in args]
    ev = [{"name": k, "value": v} for k, v in env.items()]
    ev += [{"name": s, "isRequired": True, "isSecret": True} for s in secrets]
    if ev:
        p["environmentVariables"] = ev
    return {"$schema": "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",
            "name": f"io.npm.heldout/{name}", "description": f"{pkg} ({domain})", "version": ver,
            "packages": [p]}

out = pathlib.Path(__file__).with_name("servers.json")
out.write_text(json.dumps([entry(*s) for s in SERVERS], indent=2) + "\n")
print(f"{out}: {len(SERVERS)} servers")
