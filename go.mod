module goiex

go 1.26

require (
	github.com/chzyer/readline v1.5.1
	github.com/expr-lang/expr v1.17.8
	github.com/fatih/color v1.19.0
	github.com/mattn/go-isatty v0.0.20
	go.etcd.io/bbolt v1.5.0
)

require (
	github.com/mattn/go-colorable v0.1.14 // indirect
	golang.org/x/sys v0.45.0 // indirect
)
