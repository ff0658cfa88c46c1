# comment
% another
1 2
2  3 1.5
3	4
