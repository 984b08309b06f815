using Catalog.Crawler.Static;
using Catalog.Data.Model;

namespace Catalog.Crawler.Tests;

public sealed class StaticExtractorTests
{
    private static IReadOnlyList<ExtractedTool> Extract(params (string Path, string Text)[] files)
    {
        var root = TestPaths.TempDir();
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        return StaticExtractor.Extract(root);
    }

    private static string Props(ExtractedTool t) =>
        string.Join(",", t.Definition.InputSchema!.Value.GetProperty("properties").EnumerateObject().Select(p => p.Name));

    [Fact]
    public void TypeScript_registerTool_with_zod_shape_and_constants_from_another_file()
    {
        var tools = Extract(
            ("src/names.ts", """export const READ_FILE = "read_text_file";"""),
            ("src/index.ts", """
                import { READ_FILE } from "./names.js";
                server.registerTool(
                  READ_FILE,
                  {
                    title: "Read Text File",
                    description: "Read the complete contents of a file " +
                      "as text.",
                    inputSchema: {
                      path: z.string(),
                      tail: z.number().optional().describe("If provided, returns only the last N lines"),
                    },
                    annotations: { readOnlyHint: true, openWorldHint: false }
                  },
                  async (args) => ({ content: [] })
                );
                const name = "echo";
                const config = { title: "Echo", description: "Echoes back the input", inputSchema: { message: z.string() } };
                server.registerTool(name, config, async (a) => a);
                server.tool("add", "Adds two numbers", { a: z.number(), b: z.number() }, async ({ a, b }) => a + b);
                """));
        var read = tools.Single(t => t.Definition.Name == "read_text_file");
        Assert.Equal("Read the complete contents of a file as text.", read.Definition.Description);
        Assert.Equal("path,tail", Props(read));
        Assert.True(read.Definition.Annotations!.ReadOnlyHint);
        Assert.Equal(Provenance.Static, read.Provenance);
        Assert.StartsWith("src/index.ts:", read.Location, StringComparison.Ordinal);
        Assert.Equal("Echoes back the input", tools.Single(t => t.Definition.Name == "echo").Definition.Description);
        Assert.Equal("a,b", Props(tools.Single(t => t.Definition.Name == "add")));
    }

    [Fact]
    public void TypeScript_tool_objects_listed_by_a_ListToolsRequestSchema_handler()
    {
        var tools = Extract(("index.ts", """
            const WEB_SEARCH_TOOL: Tool = {
              name: "brave_web_search",
              description: "Performs a web search. " + "Use this for broad information gathering.",
              inputSchema: { type: "object", properties: { query: { type: "string", description: "Search query" } }, required: ["query"] },
            };
            server.setRequestHandler(ListToolsRequestSchema, async () => ({
              tools: [WEB_SEARCH_TOOL, { name: "delete_file", description: "Deletes a file", inputSchema: zodToJsonSchema(DeleteArgs) }],
            }));
            const DeleteArgs = z.object({ path: z.string().describe("File to delete") });
            """));
        Assert.Equal(["brave_web_search", "delete_file"], tools.Select(t => t.Definition.Name));
        Assert.Equal("query", Props(tools[0]));
        Assert.Equal("path", Props(tools[1]));
    }

    [Fact]
    public void Python_FastMCP_decorators_docstrings_fields_and_call_form()
    {
        var tools = Extract(("server/main.py", """"
            from mcp.server.fastmcp import FastMCP, Context
            from pydantic import Field
            from typing import Annotated
            mcp = FastMCP("docs")
            LIST_NAME = 'list_clusters'

            @mcp.tool()
            async def read_documentation(
                ctx: Context,
                url: str = Field(description='URL of the page to read'),
                max_length: int = Field(default=5000, description='Maximum number of characters to return.'),
            ) -> str:
                """Fetch and convert a documentation page to markdown."""

            @mcp.tool(name=LIST_NAME, annotations=ToolAnnotations(readOnlyHint=True, destructiveHint=False))
            async def list_clusters_tool(ctx: Context, region: Annotated[str, Field(description="AWS region")]) -> list:
                """List all clusters."""

            @app.tool
            def drop_table(name: str, force: bool = False):
                '''Drops a table.'''

            def list_workflows(max_results: int = 10):
                """List workflows."""
            mcp.tool(name='ListWorkflows')(list_workflows)
            """"));
        var read = tools.Single(t => t.Definition.Name == "read_documentation");
        Assert.Equal("Fetch and convert a documentation page to markdown.", read.Definition.Description);
        Assert.Equal("url,max_length", Props(read));
        Assert.Equal("url", read.Definition.InputSchema!.Value.GetProperty("required")[0].GetString());
        var list = tools.Single(t => t.Definition.Name == "list_clusters");
        Assert.True(list.Definition.Annotations!.ReadOnlyHint);
        Assert.False(list.Definition.Annotations.DestructiveHint);
        Assert.Equal("region", Props(list));
        Assert.Equal("Drops a table.", tools.Single(t => t.Definition.Name == "drop_table").Definition.Description);
        Assert.Equal("List workflows.", tools.Single(t => t.Definition.Name == "ListWorkflows").Definition.Description);
    }

    [Fact]
    public void Python_low_level_Tool_in_list_tools_with_enum_names()
    {
        var tools = Extract(("git/server.py", """
            class GitTools(str, Enum):
                STATUS = "git_status"
                COMMIT = "git_commit"

            @server.list_tools()
            async def list_tools() -> list[Tool]:
                return [
                    Tool(name=GitTools.STATUS, description="Shows the working tree status", inputSchema=GitStatus.model_json_schema(),
                         annotations=ToolAnnotations(readOnlyHint=True)),
                    Tool(name=GitTools.COMMIT.value, description="Records changes to the repository"),
                ]
            """));
        Assert.Equal(["git_commit", "git_status"], tools.Select(t => t.Definition.Name));
        Assert.True(tools[1].Definition.Annotations!.ReadOnlyHint);
    }

    [Fact]
    public void Go_mcp_go_NewTool_and_go_sdk_Tool_literals_with_constants_and_translations()
    {
        var tools = Extract(
            ("pkg/names.go", "package github\nconst DeleteRepositoryToolName = \"delete_repository\"\n"),
            ("pkg/issues.go", """
                package github
                func IssueRead(t TranslationHelperFunc) (mcp.Tool, Handler) {
                    return mcp.NewTool("issue_read",
                        mcp.WithDescription(t("TOOL_ISSUE_READ_DESCRIPTION", "Get information about a specific issue.")),
                        mcp.WithToolAnnotation(mcp.ToolAnnotation{
                            Title:        t("TOOL_ISSUE_READ_USER_TITLE", "Get issue details"),
                            ReadOnlyHint: ToBoolPtr(true),
                        }),
                        mcp.WithString("owner", mcp.Required(), mcp.Description("The owner of the repository")),
                        mcp.WithNumber("issue_number", mcp.Description(`The issue number`)),
                    ), handler
                }
                func DeleteRepo() {
                    return NewTool(meta, mcp.Tool{
                        Name:        DeleteRepositoryToolName,
                        Description: t("TOOL_DELETE_REPOSITORY_DESCRIPTION", "Delete a repository."),
                        Annotations: &mcp.ToolAnnotations{DestructiveHint: jsonschema.Ptr(true)},
                    }, handler)
                }
                """));
        var read = tools.Single(t => t.Definition.Name == "issue_read");
        Assert.Equal("Get information about a specific issue.", read.Definition.Description);
        Assert.True(read.Definition.Annotations!.ReadOnlyHint);
        Assert.Null(read.Definition.Annotations.DestructiveHint);
        Assert.Equal("Get issue details", read.Definition.Annotations.Title);
        Assert.Equal("owner,issue_number", Props(read));
        var delete = tools.Single(t => t.Definition.Name == "delete_repository");
        Assert.True(delete.Definition.Annotations!.DestructiveHint);
    }

    [Fact]
    public void CSharp_McpServerTool_methods_with_descriptions_and_sdk_default_names()
    {
        var tools = Extract(("Tools/WeatherTools.cs", """
            [McpServerToolType]
            public sealed class WeatherTools
            {
                [McpServerTool, Description("Get weather alerts for a US state.")]
                [McpMeta(Name = "category", Value = "weather")]
                public async Task<string> GetAlertsAsync(
                    IMcpServer server,
                    [Description("The US state to get alerts for.")] string state,
                    CancellationToken ct) { return ""; }

                [McpServerTool(Name = "add", ReadOnly = true), Description("Adds two numbers.")]
                public static string Add(int a, int b) => (a + b).ToString();
            }
            """));
        var alerts = tools.Single(t => t.Definition.Name == "get_alerts");
        Assert.Equal("Get weather alerts for a US state.", alerts.Definition.Description);
        Assert.Equal("state", Props(alerts));
        var add = tools.Single(t => t.Definition.Name == "add");
        Assert.True(add.Definition.Annotations!.ReadOnlyHint);
        Assert.Equal("a,b", Props(add));
    }

    [Fact]
    public void Rust_rmcp_tool_attributes_only_in_files_that_use_rmcp()
    {
        var tools = Extract(
            ("src/counter.rs", """
                use rmcp::{tool, tool_router};
                #[tool_router]
                impl Counter {
                    #[tool(description = "Increment the counter by 1")]
                    async fn increment(&self) -> Result<CallToolResult, McpError> { todo!() }

                    /// Reset the counter to zero.
                    #[tool(annotations(destructive_hint = true))]
                    fn reset(&self) -> Result<CallToolResult, McpError> { todo!() }
                }
                """),
            ("src/other.rs", "#[tool(description = \"not mcp\")]\nfn unrelated() {}\n"));
        Assert.Equal(["increment", "reset"], tools.Select(t => t.Definition.Name));
        Assert.Equal("Reset the counter to zero.", tools[1].Definition.Description);
        Assert.True(tools[1].Definition.Annotations!.DestructiveHint);
    }

    [Fact]
    public void Snapshots_and_manifests_win_over_code_and_readme_is_the_last_resort()
    {
        var tools = Extract(
            ("pkg/__toolsnaps__/issue_read.snap", """{"annotations":{"readOnlyHint":true,"title":"Get issue details"},"description":"Exact text.","inputSchema":{"type":"object","properties":{"owner":{"type":"string"}}},"name":"issue_read"}"""),
            ("pkg/issues.go", "package x\nvar t = mcp.NewTool(\"issue_read\", mcp.WithDescription(\"Code text.\"))\n"),
            ("manifest.json", """{"manifest_version":"0.2","server":{"type":"node"},"tools":[{"name":"bundle_tool","description":"From the MCPB manifest"}]}"""),
            ("README.md", "## Tools\n- **readme_only** - Only in the README\n"));
        Assert.Equal(["bundle_tool", "issue_read"], tools.Select(t => t.Definition.Name));
        Assert.Equal("Exact text.", tools[1].Definition.Description);
        Assert.All(tools, t => Assert.Equal(Provenance.Manifest, t.Provenance));

        var readme = Extract(("README.md", "# X\n\n## Tools\n\n- **search_docs** - Search the docs\n- `delete_page`: Deletes a page\n- Not a tool line\n"));
        Assert.Equal(["delete_page", "search_docs"], readme.Select(t => t.Definition.Name));
        Assert.All(readme, t => Assert.Equal(Provenance.Readme, t.Provenance));
        Assert.Equal("Deletes a page", readme[0].Definition.Description);

        // A list under another heading (configuration keys, options) names no tools.
        var config = Extract(("README.md", "# X\n\n## Configuration\n\n- `server.type`: stdio or http\n- **mcp_config.command** - the command\n\n## Tools\n\n### Search\n\n- `search_docs`: Search the docs\n"));
        Assert.Equal(["search_docs"], config.Select(t => t.Definition.Name));
    }

    [Fact]
    public void Node_modules_tests_and_links_are_not_read()
    {
        var root = TestPaths.TempDir();
        Directory.CreateDirectory(Path.Combine(root, "node_modules", "dep"));
        File.WriteAllText(Path.Combine(root, "node_modules", "dep", "index.js"), "server.tool(\"dep_tool\", async () => 1);");
        File.WriteAllText(Path.Combine(root, "index.test.ts"), "server.tool(\"test_tool\", async () => 1);");
        var outside = TestPaths.TempDir();
        File.WriteAllText(Path.Combine(outside, "x.js"), "server.tool(\"outside_tool\", async () => 1);");
        Directory.CreateSymbolicLink(Path.Combine(root, "linked"), outside);
        File.WriteAllText(Path.Combine(root, "index.js"), "server.tool(\"real_tool\", async () => 1);");
        Assert.Equal(["real_tool"], StaticExtractor.Extract(root).Select(t => t.Definition.Name));
    }
}
