module goiex

go 1.26
