# fixture
package mcp

default decision := "deny"
